import type { Queryable } from '../../platform/db/database.js';

export type ChallengeRow = { id: string; userId: string; attempts: number };

export async function insertChallenge(
  db: Queryable,
  challenge: { userId: string; userAgent: string | null; ip: string | null; expiresAt: Date },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO second_factor_challenges (user_id, user_agent, ip, expires_at)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [challenge.userId, challenge.userAgent, challenge.ip, challenge.expiresAt.toISOString()],
  );

  return row!.id;
}

/** An open, unexpired challenge, locked so parallel guesses are counted one by one. */
export async function lockOpenChallenge(
  db: Queryable,
  id: string,
): Promise<ChallengeRow | undefined> {
  const rows = await db.query<ChallengeRow>(
    `SELECT id, user_id AS "userId", attempts FROM second_factor_challenges
     WHERE id = $1 AND closed_at IS NULL AND expires_at > now() FOR UPDATE`,
    [id],
  );

  return rows[0];
}

export async function countFailedAttempt(db: Queryable, id: string, close: boolean) {
  await db.query(
    `UPDATE second_factor_challenges SET attempts = attempts + 1,
       closed_at = CASE WHEN $2 THEN now() ELSE closed_at END
     WHERE id = $1`,
    [id, close],
  );
}

export async function closeChallenge(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE second_factor_challenges SET closed_at = now() WHERE id = $1', [id]);
}

/** Wrong second-factor codes given for the user across all recent sign-in attempts. */
export async function countRecentFailures(
  db: Queryable,
  userId: string,
  windowMinutes: number,
): Promise<number> {
  const [row] = await db.query<{ failures: number }>(
    `SELECT coalesce(sum(attempts), 0)::int AS failures FROM second_factor_challenges
     WHERE user_id = $1 AND created_at > now() - make_interval(mins => $2::int)`,
    [userId, windowMinutes],
  );

  return row?.failures ?? 0;
}
