import type { Queryable } from '../../platform/db/database.js';

export type AssuranceRow = {
  userId: string;
  level: string;
  passportCipher: string | null;
  passportTail: string | null;
  passportIssuedOn: string | null;
  departmentCode: string | null;
  snilsCipher: string | null;
  snilsTail: string | null;
  verifiedBy: string | null;
};

export type ProfileRow = {
  id: string;
  personId: string;
  email: string | null;
  phone: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
};

export type VerificationRow = {
  id: string;
  userId: string;
  displayName: string;
  method: string;
  status: string;
  fileId: string | null;
  reason: string | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
};

const ASSURANCE_COLUMNS = `user_id AS "userId", level, passport_cipher AS "passportCipher",
  passport_tail AS "passportTail", to_char(passport_issued_on, 'YYYY-MM-DD') AS "passportIssuedOn",
  department_code AS "departmentCode", snils_cipher AS "snilsCipher", snils_tail AS "snilsTail",
  verified_by AS "verifiedBy"`;

export async function findAssurance(db: Queryable, userId: string) {
  const rows = await db.query<AssuranceRow>(
    `SELECT ${ASSURANCE_COLUMNS} FROM identity_assurances WHERE user_id = $1`,
    [userId],
  );

  return rows[0];
}

/** Locks the user's assurance row for an update; creates a basic one first if there is none. */
export async function lockAssurance(tx: Queryable, userId: string): Promise<AssuranceRow> {
  await tx.query(
    `INSERT INTO identity_assurances (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`,
    [userId],
  );

  const rows = await tx.query<AssuranceRow>(
    `SELECT ${ASSURANCE_COLUMNS} FROM identity_assurances WHERE user_id = $1 FOR UPDATE`,
    [userId],
  );

  return rows[0]!;
}

export async function saveDocuments(
  tx: Queryable,
  userId: string,
  docs: {
    level: string;
    passportCipher: string;
    passportTail: string;
    passportIssuedOn: string;
    departmentCode: string;
    snilsCipher: string;
    snilsTail: string;
    snilsDigest: string;
    verifiedBy: string | null;
  },
) {
  await tx.query(
    `UPDATE identity_assurances SET level = $2, passport_cipher = $3, passport_tail = $4,
       passport_issued_on = $5, department_code = $6, snils_cipher = $7, snils_tail = $8,
       snils_digest = $10, verified_by = $9, verified_at = CASE WHEN $9::text IS NULL THEN NULL ELSE verified_at END,
       documents_at = now(), updated_at = now()
     WHERE user_id = $1`,
    [
      userId,
      docs.level,
      docs.passportCipher,
      docs.passportTail,
      docs.passportIssuedOn,
      docs.departmentCode,
      docs.snilsCipher,
      docs.snilsTail,
      docs.verifiedBy,
      docs.snilsDigest,
    ],
  );
}

/**
 * Whether another account is verified with the same СНИЛС as `userId` has (or as `digest`):
 * one person, one verified account.
 */
export async function snilsVerifiedElsewhere(
  db: Queryable,
  userId: string,
  digest?: string,
): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM identity_assurances other
     WHERE other.level = 'verified' AND other.user_id <> $1
       AND other.snils_digest = COALESCE($2::text,
         (SELECT snils_digest FROM identity_assurances WHERE user_id = $1))`,
    [userId, digest ?? null],
  );

  return (rows[0]?.n ?? 0) > 0;
}

export async function markVerified(tx: Queryable, userId: string, method: string) {
  await tx.query(
    `UPDATE identity_assurances SET level = 'verified', verified_by = $2, verified_at = now(),
       updated_at = now()
     WHERE user_id = $1`,
    [userId, method],
  );
}

export async function findProfile(db: Queryable, userId: string) {
  const rows = await db.query<ProfileRow>(
    `SELECT u.id, u.person_id AS "personId", u.email, u.phone, p.surname, p.name, p.patronymic
     FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = $1`,
    [userId],
  );

  return rows[0];
}

export async function findUserIdByLogin(
  db: Queryable,
  login: { email: string } | { phone: string },
): Promise<string | undefined> {
  const [column, value] = 'email' in login ? ['email', login.email] : ['phone', login.phone];
  const rows = await db.query<{ id: string }>(`SELECT id FROM users WHERE ${column} = $1`, [value]);

  return rows[0]?.id;
}

/** Pending requests past their deadline become expired, so the person may try another way. */
export async function expireOverdue(db: Queryable) {
  await db.query(
    `UPDATE verification_requests SET status = 'expired'
     WHERE status = 'pending' AND expires_at < now()`,
  );
}

const VERIFICATION_COLUMNS = `v.id, v.user_id AS "userId",
  concat_ws(' ', p.surname, p.name, p.patronymic) AS "displayName", v.method, v.status,
  v.file_id AS "fileId", v.reason, v.created_at AS "createdAt", v.expires_at AS "expiresAt",
  v.decided_at AS "decidedAt"`;

const VERIFICATION_FROM = `verification_requests v JOIN users u ON u.id = v.user_id
  JOIN persons p ON p.id = u.person_id`;

export async function insertVerification(
  tx: Queryable,
  input: { userId: string; method: string; fileId: string | null; expiresAt: Date },
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO verification_requests (user_id, method, file_id, expires_at)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.userId, input.method, input.fileId, input.expiresAt],
  );

  return rows[0]!.id;
}

export async function findVerification(db: Queryable, id: string, lock = false) {
  const rows = await db.query<VerificationRow>(
    `SELECT ${VERIFICATION_COLUMNS} FROM ${VERIFICATION_FROM} WHERE v.id = $1
     ${lock ? 'FOR UPDATE OF v' : ''}`,
    [id],
  );

  return rows[0];
}

export async function findLatestVerifications(db: Queryable, userId: string) {
  return db.query<VerificationRow>(
    `SELECT ${VERIFICATION_COLUMNS} FROM ${VERIFICATION_FROM} WHERE v.user_id = $1
     ORDER BY v.created_at DESC LIMIT 5`,
    [userId],
  );
}

export async function listVerifications(
  db: Queryable,
  status: string,
  page: { limit: number; offset: number },
) {
  const items = await db.query<VerificationRow>(
    `SELECT ${VERIFICATION_COLUMNS} FROM ${VERIFICATION_FROM} WHERE v.status = $1
     ORDER BY v.created_at, v.id LIMIT $2 OFFSET $3`,
    [status, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM verification_requests WHERE status = $1',
    [status],
  );

  return { items, total: count?.n ?? 0 };
}

export async function decideVerification(
  tx: Queryable,
  id: string,
  decision: { status: string; reason: string | null; decidedBy: string },
) {
  await tx.query(
    `UPDATE verification_requests SET status = $2, reason = $3, decided_by = $4, decided_at = now()
     WHERE id = $1`,
    [id, decision.status, decision.reason, decision.decidedBy],
  );
}

export type ContactRow = { kind: 'phone' | 'email'; value: string; confirmed: boolean };

/** The person's contacts as registration recorded them (phone first). */
export async function findContacts(db: Queryable, personId: string) {
  return db.query<ContactRow>(
    `SELECT kind, value, confirmed_at IS NOT NULL AS confirmed FROM contacts
     WHERE person_id = $1 ORDER BY kind DESC, created_at`,
    [personId],
  );
}
