import type { Queryable } from '../../platform/db/database.js';

export type RecoveryRow = {
  id: string;
  loginKey: string;
  userId: string | null;
  contactKind: 'phone' | 'email';
  contact: string;
  expiresAt: Date;
  confirmedAt: Date | null;
  completedAt: Date | null;
};

const COLUMNS = `id, login_key AS "loginKey", user_id AS "userId", contact_kind AS "contactKind",
  contact, expires_at AS "expiresAt", confirmed_at AS "confirmedAt", completed_at AS "completedAt"`;

export async function insertRecovery(
  db: Queryable,
  row: {
    loginKey: string;
    userId: string | null;
    contactKind: string;
    contact: string;
    ip: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<RecoveryRow> {
  const [inserted] = await db.query<RecoveryRow>(
    `INSERT INTO recoveries (login_key, user_id, contact_kind, contact, ip, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      row.loginKey,
      row.userId,
      row.contactKind,
      row.contact,
      row.ip,
      row.createdAt.toISOString(),
      row.expiresAt.toISOString(),
    ],
  );

  return inserted!;
}

export async function findRecovery(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RecoveryRow | undefined> {
  const [row] = await db.query<RecoveryRow>(
    `SELECT ${COLUMNS} FROM recoveries WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [id],
  );

  return row;
}

export async function markRecovery(
  db: Queryable,
  id: string,
  column: 'confirmed_at' | 'completed_at',
  at: Date,
): Promise<void> {
  await db.query(`UPDATE recoveries SET ${column} = $2 WHERE id = $1`, [id, at.toISOString()]);
}

export async function findUserContacts(
  db: Queryable,
  userId: string,
): Promise<{ phone: string | null; email: string | null; personId: string } | undefined> {
  const [row] = await db.query<{ phone: string | null; email: string | null; personId: string }>(
    'SELECT phone, email, person_id AS "personId" FROM users WHERE id = $1',
    [userId],
  );

  return row;
}

export async function updatePasswordHash(
  db: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Ends every open session of the user; returns how many were ended. */
export async function endAllSessions(db: Queryable, userId: string, at: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(
    'UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL RETURNING id',
    [userId, at.toISOString()],
  );

  return rows.length;
}
