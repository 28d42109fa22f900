import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../migrations',
);

/**
 * Applies the SQL migrations in `migrations/` that the database has not seen. The same files run
 * on PGlite and on PostgreSQL; drizzle records each one in `drizzle.__drizzle_migrations`.
 */
export async function migrate(db: Database): Promise<{ applied: number }> {
  const before = await countApplied(db);

  if (db.kind === 'pglite') {
    await migratePglite(db.orm as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePg(db.orm as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR });
  }

  return { applied: (await countApplied(db)) - before };
}

async function countApplied(db: Database): Promise<number> {
  const [table] = await db.query<{ name: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS name`,
  );

  if (!table?.name) {
    return 0;
  }

  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
  );

  return row?.n ?? 0;
}
