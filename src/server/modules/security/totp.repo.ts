import type { Queryable } from '../../platform/db/database.js';

export type TotpRow = {
  userId: string;
  secretSealed: string;
  confirmedAt: Date | null;
  lastTimeStep: number | null;
};

const TOTP_COLUMNS = `user_id AS "userId", secret_sealed AS "secretSealed",
  confirmed_at AS "confirmedAt", last_time_step::float8 AS "lastTimeStep"`;

export async function findTotp(db: Queryable, userId: string): Promise<TotpRow | undefined> {
  const rows = await db.query<TotpRow>(`SELECT ${TOTP_COLUMNS} FROM user_totp WHERE user_id = $1`, [
    userId,
  ]);

  return rows[0];
}

/** The user's authenticator row, locked for the rest of the transaction. */
export async function lockTotp(db: Queryable, userId: string): Promise<TotpRow | undefined> {
  const rows = await db.query<TotpRow>(
    `SELECT ${TOTP_COLUMNS} FROM user_totp WHERE user_id = $1 FOR UPDATE`,
    [userId],
  );

  return rows[0];
}

export async function hasConfirmedTotp(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query<{ one: number }>(
    'SELECT 1 AS one FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL',
    [userId],
  );

  return rows.length > 0;
}

/** Starts (or restarts) an enrolment with a fresh secret; any earlier pending secret is gone. */
export async function upsertPendingTotp(
  db: Queryable,
  userId: string,
  secretSealed: string,
): Promise<void> {
  await db.query(
    `INSERT INTO user_totp (user_id, secret_sealed) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed,
       confirmed_at = NULL, last_time_step = NULL, created_at = now()`,
    [userId, secretSealed],
  );
}

/**
 * Records the time step of an accepted code. The condition makes the write itself the replay
 * guard: two requests racing with the same code cannot both move the step forward.
 */
export async function advanceTimeStep(
  db: Queryable,
  userId: string,
  timeStep: number,
): Promise<boolean> {
  const rows = await db.query<{ userId: string }>(
    `UPDATE user_totp SET last_time_step = $2
     WHERE user_id = $1 AND (last_time_step IS NULL OR last_time_step < $2)
     RETURNING user_id AS "userId"`,
    [userId, timeStep],
  );

  return rows.length > 0;
}

export async function markTotpConfirmed(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE user_totp SET confirmed_at = now() WHERE user_id = $1', [userId]);
}

export async function deleteTotp(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(
  db: Queryable,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);

  for (const codeHash of codeHashes) {
    await db.query('INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
      userId,
      codeHash,
    ]);
  }
}

/** Spends a recovery code; false when it is unknown or was spent before. */
export async function spendRecoveryCode(
  db: Queryable,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE totp_recovery_codes SET used_at = now()
     WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
    [userId, codeHash],
  );

  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );

  return row?.count ?? 0;
}

export async function findLoginOf(db: Queryable, userId: string): Promise<string | null> {
  const rows = await db.query<{ login: string | null }>(
    'SELECT coalesce(email, phone) AS login FROM users WHERE id = $1',
    [userId],
  );

  return rows[0]?.login ?? null;
}
