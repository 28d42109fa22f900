import type { Queryable } from '../../platform/db/database.js';

export async function voidCodes(tx: Queryable, userId: string) {
  await tx.query(
    `UPDATE in_person_codes SET expires_at = now()
     WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`,
    [userId],
  );
}

export async function insertCode(
  tx: Queryable,
  input: { userId: string; codeHash: string; issuedBy: string; expiresAt: Date },
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO in_person_codes (user_id, code_hash, issued_by, expires_at)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.userId, input.codeHash, input.issuedBy, input.expiresAt],
  );

  return rows[0]!.id;
}

/** The user's one usable code, locked for the attempt. */
export async function findActiveCode(tx: Queryable, userId: string) {
  const rows = await tx.query<{ id: string; codeHash: string; attempts: number }>(
    `SELECT id, code_hash AS "codeHash", attempts FROM in_person_codes
     WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [userId],
  );

  return rows[0];
}

/** Counts a wrong attempt; the last allowed one burns the code. */
export async function markCodeAttempt(tx: Queryable, id: string, burn: boolean) {
  await tx.query(
    `UPDATE in_person_codes SET attempts = attempts + 1,
       expires_at = CASE WHEN $2 THEN now() ELSE expires_at END
     WHERE id = $1`,
    [id, burn],
  );
}

export async function markCodeUsed(tx: Queryable, id: string) {
  await tx.query('UPDATE in_person_codes SET used_at = now() WHERE id = $1', [id]);
}
