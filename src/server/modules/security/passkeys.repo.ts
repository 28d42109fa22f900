import type { Queryable } from '../../platform/db/database.js';

export type PasskeyRow = {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: string;
  signCount: number;
  transports: string[];
  backedUp: boolean;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const PASSKEY_COLUMNS = `id, user_id AS "userId", credential_id AS "credentialId",
  public_key AS "publicKey", sign_count::float8 AS "signCount", transports,
  backed_up AS "backedUp", name, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

export async function findPasskeysOf(db: Queryable, userId: string): Promise<PasskeyRow[]> {
  return db.query<PasskeyRow>(
    `SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
}

export async function lockPasskeyByCredentialId(
  db: Queryable,
  credentialId: string,
): Promise<PasskeyRow | undefined> {
  const rows = await db.query<PasskeyRow>(
    `SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE credential_id = $1 FOR UPDATE`,
    [credentialId],
  );

  return rows[0];
}

export async function insertPasskey(
  db: Queryable,
  passkey: Pick<
    PasskeyRow,
    'userId' | 'credentialId' | 'publicKey' | 'signCount' | 'transports' | 'backedUp' | 'name'
  >,
): Promise<PasskeyRow> {
  const [row] = await db.query<PasskeyRow>(
    `INSERT INTO passkeys (user_id, credential_id, public_key, sign_count, transports, backed_up,
       name)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING ${PASSKEY_COLUMNS}`,
    [
      passkey.userId,
      passkey.credentialId,
      passkey.publicKey,
      passkey.signCount,
      JSON.stringify(passkey.transports),
      passkey.backedUp,
      passkey.name,
    ],
  );

  return row!;
}

export async function recordPasskeyUse(
  db: Queryable,
  id: string,
  signCount: number,
  backedUp: boolean,
): Promise<void> {
  await db.query(
    'UPDATE passkeys SET sign_count = $2, backed_up = $3, last_used_at = now() WHERE id = $1',
    [id, signCount, backedUp],
  );
}

/** Deletes one of the user's own passkeys; the removed row, or undefined when not theirs. */
export async function deleteOwnPasskey(
  db: Queryable,
  userId: string,
  id: string,
): Promise<PasskeyRow | undefined> {
  const rows = await db.query<PasskeyRow>(
    `DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING ${PASSKEY_COLUMNS}`,
    [id, userId],
  );

  return rows[0];
}

export async function insertWebauthnChallenge(
  db: Queryable,
  challenge: { purpose: string; challenge: string; userId: string | null; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO webauthn_challenges (purpose, challenge, user_id, expires_at)
     VALUES ($1, $2, $3, $4)`,
    [challenge.purpose, challenge.challenge, challenge.userId, challenge.expiresAt.toISOString()],
  );
}

/**
 * Spends a challenge the server handed out: it must exist, be meant for this purpose, be fresh
 * and unused. Marking it used in the same statement makes a replayed response fail.
 */
export async function spendWebauthnChallenge(
  db: Queryable,
  purpose: string,
  challenge: string,
): Promise<{ userId: string | null } | undefined> {
  const rows = await db.query<{ userId: string | null }>(
    `UPDATE webauthn_challenges SET used_at = now()
     WHERE challenge = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id AS "userId"`,
    [challenge, purpose],
  );

  return rows[0];
}
