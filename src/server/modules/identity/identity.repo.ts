import type { Queryable } from '../../platform/db/database.js';

export type UserRow = {
  id: string;
  personId: string;
  passwordHash: string;
  platformRole: string;
  surname: string;
  name: string;
  patronymic: string | null;
};

export type RoleRow = { role: string; organisationId: string; organisationName: string };

const USER_COLUMNS = `u.id, u.person_id AS "personId", u.password_hash AS "passwordHash",
  u.platform_role AS "platformRole", p.surname, p.name, p.patronymic`;

export async function findUserByLogin(
  db: Queryable,
  login: { email: string } | { phone: string },
): Promise<UserRow | undefined> {
  const [column, value] = 'email' in login ? ['email', login.email] : ['phone', login.phone];
  const rows = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u JOIN persons p ON p.id = u.person_id
     WHERE u.${column} = $1`,
    [value],
  );

  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = $1`,
    [id],
  );

  return rows[0];
}

export async function findUserBySessionToken(
  db: Queryable,
  tokenHash: string,
): Promise<(UserRow & { sessionId: string; csrfToken: string }) | undefined> {
  const rows = await db.query<UserRow & { sessionId: string; csrfToken: string }>(
    `SELECT ${USER_COLUMNS}, s.id AS "sessionId", s.csrf_token AS "csrfToken"
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN persons p ON p.id = u.person_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
    [tokenHash],
  );

  return rows[0];
}

export async function findRoles(db: Queryable, userId: string): Promise<RoleRow[]> {
  return db.query<RoleRow>(
    `SELECT m.role, m.organisation_id AS "organisationId", o.name AS "organisationName"
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = $1 ORDER BY o.name, m.role`,
    [userId],
  );
}

export async function insertSession(
  db: Queryable,
  session: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    userAgent: string | null;
    ip: string | null;
    expiresAt: Date;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO sessions (user_id, token_hash, csrf_token, user_agent, ip, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      session.userId,
      session.tokenHash,
      session.csrfToken,
      session.userAgent,
      session.ip,
      session.expiresAt.toISOString(),
    ],
  );

  return row?.id ?? '';
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [
    sessionId,
  ]);
}

export async function touchSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [sessionId]);
}
