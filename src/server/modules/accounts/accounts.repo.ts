import type { Queryable } from '../../platform/db/database.js';

export type RegistrationRow = {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  phoneConfirmedAt: Date | null;
  emailConfirmedAt: Date | null;
  personalDataConsentVersion: string | null;
  userAgreementVersion: string | null;
  consentedAt: Date | null;
  consentIp: string | null;
  consentUserAgent: string | null;
  expiresAt: Date;
  completedAt: Date | null;
};

const REGISTRATION_COLUMNS = `id, surname, name, patronymic, phone, email,
  phone_confirmed_at AS "phoneConfirmedAt", email_confirmed_at AS "emailConfirmedAt",
  personal_data_consent_version AS "personalDataConsentVersion",
  user_agreement_version AS "userAgreementVersion", consented_at AS "consentedAt",
  consent_ip AS "consentIp", consent_user_agent AS "consentUserAgent",
  expires_at AS "expiresAt", completed_at AS "completedAt"`;

export async function insertRegistration(
  db: Queryable,
  row: {
    surname: string;
    name: string;
    patronymic: string | null;
    phone: string | null;
    email: string | null;
    ip: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<RegistrationRow> {
  const [inserted] = await db.query<RegistrationRow>(
    `INSERT INTO registrations (surname, name, patronymic, phone, email, ip, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${REGISTRATION_COLUMNS}`,
    [
      row.surname,
      row.name,
      row.patronymic,
      row.phone,
      row.email,
      row.ip,
      row.createdAt.toISOString(),
      row.expiresAt.toISOString(),
    ],
  );

  return inserted!;
}

export async function findRegistration(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RegistrationRow | undefined> {
  const [row] = await db.query<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [id],
  );

  return row;
}

export async function markContactConfirmed(
  db: Queryable,
  id: string,
  kind: 'phone' | 'email',
  at: Date,
): Promise<void> {
  const column = kind === 'phone' ? 'phone_confirmed_at' : 'email_confirmed_at';

  await db.query(`UPDATE registrations SET ${column} = $2 WHERE id = $1`, [id, at.toISOString()]);
}

export async function saveRegistrationConsents(
  db: Queryable,
  id: string,
  consent: {
    personalDataConsentVersion: string;
    userAgreementVersion: string;
    at: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await db.query(
    `UPDATE registrations SET personal_data_consent_version = $2, user_agreement_version = $3,
       consented_at = $4, consent_ip = $5, consent_user_agent = $6
     WHERE id = $1`,
    [
      id,
      consent.personalDataConsentVersion,
      consent.userAgreementVersion,
      consent.at.toISOString(),
      consent.ip,
      consent.userAgent,
    ],
  );
}

export async function completeRegistration(
  db: Queryable,
  id: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db.query('UPDATE registrations SET completed_at = $3, user_id = $2 WHERE id = $1', [
    id,
    userId,
    at.toISOString(),
  ]);
}

/** Whether any account already signs in with this phone or e-mail address. */
export async function contactBelongsToUser(
  db: Queryable,
  kind: 'phone' | 'email',
  value: string,
): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE ${kind === 'phone' ? 'phone' : 'email'} = $1`,
    [value],
  );

  return (row?.n ?? 0) > 0;
}

export async function insertPersonAndUser(
  db: Queryable,
  account: {
    surname: string;
    name: string;
    patronymic: string | null;
    phone: string | null;
    email: string | null;
    passwordHash: string;
    at: Date;
  },
): Promise<{ personId: string; userId: string }> {
  const [person] = await db.query<{ id: string }>(
    `INSERT INTO persons (surname, name, patronymic, phone, email, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      account.surname,
      account.name,
      account.patronymic,
      account.phone,
      account.email,
      account.at.toISOString(),
    ],
  );
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (person_id, email, phone, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [person!.id, account.email, account.phone, account.passwordHash, account.at.toISOString()],
  );

  return { personId: person!.id, userId: user!.id };
}

export async function insertConfirmedContact(
  db: Queryable,
  contact: { personId: string; userId: string; kind: string; value: string; confirmedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO contacts (person_id, user_id, kind, value, confirmed_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      contact.personId,
      contact.userId,
      contact.kind,
      contact.value,
      contact.confirmedAt.toISOString(),
    ],
  );
}

export async function insertConsent(
  db: Queryable,
  consent: {
    personId: string;
    kind: 'personal_data' | 'user_agreement';
    textVersion: string;
    acceptedAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO consents (person_id, kind, text_version, accepted_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      consent.personId,
      consent.kind,
      consent.textVersion,
      consent.acceptedAt.toISOString(),
      consent.ip,
      consent.userAgent,
    ],
  );
}
