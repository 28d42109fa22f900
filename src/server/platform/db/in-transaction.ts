import type { Queryable } from './database.js';

type Transactional = Queryable & {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
};

/**
 * Runs `work` in a transaction: a new one when given the database, the caller's own when given
 * a transaction already (a transaction handle has no `transaction` method of its own).
 */
export async function inTransaction<T>(
  db: Queryable,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  if (typeof (db as Partial<Transactional>).transaction === 'function') {
    return (db as Transactional).transaction(work);
  }

  return work(db);
}
