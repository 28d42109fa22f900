import type { Queryable } from '../../platform/db/database.js';

export type ActiveSessionRow = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** A user's sessions that are still usable: not ended and not expired, newest activity first. */
export async function findActiveSessions(
  db: Queryable,
  userId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: ActiveSessionRow[]; total: number }> {
  const rows = await db.query<ActiveSessionRow>(
    `SELECT id, user_agent AS "userAgent", ip, created_at AS "createdAt",
       last_seen_at AS "lastSeenAt"
     FROM sessions WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now()
     ORDER BY last_seen_at DESC, id LIMIT $2 OFFSET $3`,
    [userId, page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM sessions
     WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now()`,
    [userId],
  );

  return { rows, total: count?.total ?? 0 };
}

/** Ends one of the user's own sessions; false when there is no such active session of theirs. */
export async function endOwnSession(
  db: Queryable,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE sessions SET ended_at = now()
     WHERE id = $1 AND user_id = $2 AND ended_at IS NULL AND expires_at > now() RETURNING id`,
    [sessionId, userId],
  );

  return rows.length > 0;
}

/** Ends every session of the user except the one given; returns how many were ended. */
export async function endOtherSessions(
  db: Queryable,
  userId: string,
  keepSessionId: string | null,
): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE sessions SET ended_at = now()
     WHERE user_id = $1 AND ended_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
     RETURNING id`,
    [userId, keepSessionId],
  );

  return rows.length;
}

export async function findPasswordHash(db: Queryable, userId: string): Promise<string | undefined> {
  const rows = await db.query<{ passwordHash: string }>(
    'SELECT password_hash AS "passwordHash" FROM users WHERE id = $1',
    [userId],
  );

  return rows[0]?.passwordHash;
}

export async function updatePasswordHash(
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}
