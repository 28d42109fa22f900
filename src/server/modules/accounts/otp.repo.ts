import type { Queryable } from '../../platform/db/database.js';

export type ChallengeRow = {
  id: string;
  contactKind: 'phone' | 'email';
  contact: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: number;
  lockedUntil: Date | null;
  consumedAt: Date | null;
};

const CHALLENGE_COLUMNS = `id, contact_kind AS "contactKind", contact, code_hash AS "codeHash",
  created_at AS "createdAt", expires_at AS "expiresAt", attempts, locked_until AS "lockedUntil",
  consumed_at AS "consumedAt"`;

export type CounterScope = 'phone' | 'email' | 'ip';

/**
 * Today's counters of the given keys, created at zero if missing and locked for this transaction,
 * so two concurrent requests cannot both take the last code of a day.
 */
export async function lockCounters(
  tx: Queryable,
  day: string,
  keys: { scope: CounterScope; key: string }[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();

  for (const { scope, key } of keys) {
    await tx.query(
      `INSERT INTO otp_counters (scope, key, day, count) VALUES ($1, $2, $3, 0)
       ON CONFLICT (scope, key, day) DO NOTHING`,
      [scope, key, day],
    );

    const [row] = await tx.query<{ count: number }>(
      'SELECT count FROM otp_counters WHERE scope = $1 AND key = $2 AND day = $3 FOR UPDATE',
      [scope, key, day],
    );

    counts.set(`${scope}:${key}`, row?.count ?? 0);
  }

  return counts;
}

export async function incrementCounters(
  tx: Queryable,
  day: string,
  keys: { scope: CounterScope; key: string }[],
): Promise<void> {
  for (const { scope, key } of keys) {
    await tx.query(
      'UPDATE otp_counters SET count = count + 1 WHERE scope = $1 AND key = $2 AND day = $3',
      [scope, key, day],
    );
  }
}

/** Removes every counter of a key (all days); returns how many rows went. */
export async function deleteCounters(
  tx: Queryable,
  scope: CounterScope,
  key: string,
): Promise<{ day: string; count: number }[]> {
  return tx.query<{ day: string; count: number }>(
    'DELETE FROM otp_counters WHERE scope = $1 AND key = $2 RETURNING day, count',
    [scope, key],
  );
}

export async function findLatestChallenge(
  tx: Queryable,
  subject: { purpose: string; subjectId: string; kind: string },
  options: { lock?: boolean } = {},
): Promise<ChallengeRow | undefined> {
  const [row] = await tx.query<ChallengeRow>(
    `SELECT ${CHALLENGE_COLUMNS} FROM otp_challenges
     WHERE purpose = $1 AND subject_id = $2 AND contact_kind = $3
     ORDER BY created_at DESC, id LIMIT 1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [subject.purpose, subject.subjectId, subject.kind],
  );

  return row;
}

export async function insertChallenge(
  tx: Queryable,
  challenge: {
    id: string;
    purpose: string;
    subjectId: string;
    kind: string;
    contact: string;
    codeHash: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO otp_challenges
       (id, purpose, subject_id, contact_kind, contact, code_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      challenge.id,
      challenge.purpose,
      challenge.subjectId,
      challenge.kind,
      challenge.contact,
      challenge.codeHash,
      challenge.createdAt.toISOString(),
      challenge.expiresAt.toISOString(),
    ],
  );
}

export async function updateChallenge(
  tx: Queryable,
  id: string,
  state: { attempts: number; lockedUntil: Date | null; consumedAt: Date | null },
): Promise<void> {
  await tx.query(
    'UPDATE otp_challenges SET attempts = $2, locked_until = $3, consumed_at = $4 WHERE id = $1',
    [
      id,
      state.attempts,
      state.lockedUntil?.toISOString() ?? null,
      state.consumedAt?.toISOString() ?? null,
    ],
  );
}
