import type { LockoutState } from '../../../domain/identity/lockout.js';
import type { Queryable } from '../../platform/db/database.js';

export async function findThrottle(
  db: Queryable,
  loginKey: string,
  options: { lock?: boolean } = {},
): Promise<LockoutState | undefined> {
  const [row] = await db.query<LockoutState>(
    `SELECT failures, lock_level AS "lockLevel", locked_until AS "lockedUntil"
     FROM sign_in_throttles WHERE login_key = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [loginKey],
  );

  return row;
}

export async function saveThrottle(
  db: Queryable,
  loginKey: string,
  state: LockoutState,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO sign_in_throttles (login_key, failures, lock_level, locked_until, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (login_key) DO UPDATE SET failures = EXCLUDED.failures,
       lock_level = EXCLUDED.lock_level, locked_until = EXCLUDED.locked_until,
       updated_at = EXCLUDED.updated_at`,
    [
      loginKey,
      state.failures,
      state.lockLevel,
      state.lockedUntil?.toISOString() ?? null,
      at.toISOString(),
    ],
  );
}

export async function clearThrottles(db: Queryable, loginKeys: string[]): Promise<void> {
  await db.query('DELETE FROM sign_in_throttles WHERE login_key = ANY($1::text[])', [loginKeys]);
}
