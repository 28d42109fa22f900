import { createHash, randomBytes } from 'node:crypto';

import type { Platform } from '../../src/server/main.js';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo.accounts.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { hashPassword } from '../../src/server/modules/identity/password.js';
import { insertHouse } from './factories.js';
import { createTestPlatform } from './platform.js';

/** Every role of the catalogue, and the login of a user holding it in the access world. */
export const ROLE_LOGINS = {
  platform_admin: 'admin@mpdom.test',
  identity_operator: 'operator@mpdom.test',
  organisation_admin: 'uk-admin@mpdom.test',
  accountant: 'accountant@mpdom.test',
  dispatcher: 'dispatcher@mpdom.test',
  executor: 'executor@mpdom.test',
  inspector: 'inspector@mpdom.test',
  department_clerk: 'clerk@mpdom.test',
  department_head: 'head@mpdom.test',
  owner: 'owner@mpdom.test',
  resident: 'resident@mpdom.test',
  representative: 'representative@mpdom.test',
} as const;

export type RoleName = keyof typeof ROLE_LOGINS;

export type Session = { cookie: string; csrf: string; userId: string; personId: string };

export type AccessWorld = {
  platform: Platform;
  orgs: { managing: string; hoa: string; inspection: string; municipality: string };
  ownerFlat: string;
  otherFlat: string;
  signIn(login: string): Promise<Session>;
  /** A session opened directly, as sign-in would, without the sign-in rate limit. */
  openSession(login: string): Promise<Session>;
  createUser(login: string, name?: string): Promise<{ userId: string; personId: string }>;
  setLevel(userId: string, level: 'basic' | 'standard' | 'verified'): Promise<void>;
};

/**
 * The demo world on two houses managed by a management company and a ТСЖ, plus the users the
 * demo lacks: an executor, a department head and a representative holding the demo owner's power
 * of attorney for the owner's flat.
 */
export async function createAccessWorld(env: Record<string, string> = {}): Promise<AccessWorld> {
  const platform = await createTestPlatform({ DEMO: 'true', ...env });
  const db = platform.ctx.db;
  const [managed, selfManaged] = await db.query<{ id: string }>(
    `INSERT INTO organisations (kind, name, normalized_name) VALUES
       ('management_company', 'УК Тестовая', 'ук тестовая'), ('hoa', 'ТСЖ Тестовое', 'тсж тестовое')
     RETURNING id`,
  );

  await insertHouse(db, { managing_organisation_id: managed!.id });
  await insertHouse(db, { managing_organisation_id: selfManaged!.id });
  await buildDemoWorld(platform.ctx);

  // The demo puts its management-company staff in the organisation managing its first house.
  const orgOf = async (login: string) => {
    const [row] = await db.query<{ id: string }>(
      `SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE u.email = $1`,
      [login],
    );

    return row!.id;
  };
  const orgs = {
    managing: await orgOf(ROLE_LOGINS.organisation_admin),
    hoa: await orgOf('tsj@mpdom.test'),
    inspection: await orgOf(ROLE_LOGINS.inspector),
    municipality: await orgOf(ROLE_LOGINS.department_clerk),
  };
  const hash = await hashPassword(DEMO_PASSWORD);
  let phoneSeq = 5000;

  const createUser = async (login: string, name = 'Тестовый') => {
    phoneSeq += 1;

    const [person] = await db.query<{ id: string }>(
      `INSERT INTO persons (surname, name, email) VALUES ('Иванов', $1, $2) RETURNING id`,
      [name, login],
    );
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (person_id, email, phone, password_hash) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [person!.id, login, `+7911000${phoneSeq}`, hash],
    );

    return { userId: user!.id, personId: person!.id };
  };

  const executor = await createUser(ROLE_LOGINS.executor, 'Исполнитель');
  const head = await createUser(ROLE_LOGINS.department_head, 'Начальник');
  const representative = await createUser(ROLE_LOGINS.representative, 'Представитель');

  await db.query(
    `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'executor'),
       ($3, $4, 'department_head')`,
    [executor.userId, orgs.managing, head.userId, orgs.municipality],
  );

  const [ownerRow] = await db.query<{ userId: string; personId: string }>(
    `SELECT id AS "userId", person_id AS "personId" FROM users WHERE email = $1`,
    [ROLE_LOGINS.owner],
  );
  const flats = await db.query<{ premiseId: string; whole: boolean }>(
    `SELECT premise_id AS "premiseId", share_denominator = 1 AS whole FROM ownerships
     WHERE person_id = $1 ORDER BY share_denominator`,
    [ownerRow!.personId],
  );
  const ownerFlat = flats.find((f) => f.whole)!.premiseId;
  const [other] = await db.query<{ id: string }>(
    `SELECT p.id FROM premises p JOIN houses h ON h.id = p.house_id
     WHERE h.managing_organisation_id = $1 AND p.id <> $2 AND p.kind = 'flat' LIMIT 1`,
    [orgs.managing, ownerFlat],
  );

  await db.query(
    `INSERT INTO powers_of_attorney (principal_person_id, representative_user_id, premise_id,
       valid_from, valid_until, created_by)
     VALUES ($1, $2, $3, CURRENT_DATE - 10, CURRENT_DATE + 365, $4)`,
    [ownerRow!.personId, representative.userId, ownerFlat, ownerRow!.userId],
  );

  const signIn = async (login: string): Promise<Session> => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login, password: DEMO_PASSWORD },
    });

    if (response.statusCode !== 201) {
      throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
    }

    const header = response.headers['set-cookie'];
    const first = Array.isArray(header) ? header[0] : header;
    const body = response.json();
    const [row] = await db.query<{ personId: string }>(
      'SELECT person_id AS "personId" FROM users WHERE id = $1',
      [body.user.id],
    );

    return {
      cookie: String(first).split(';')[0] ?? '',
      csrf: body.csrfToken,
      userId: body.user.id,
      personId: row!.personId,
    };
  };

  const openSession = async (login: string): Promise<Session> => {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const [user] = await db.query<{ id: string; personId: string }>(
      'SELECT id, person_id AS "personId" FROM users WHERE email = $1',
      [login],
    );

    await db.query(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + interval '1 day')`,
      [user!.id, createHash('sha256').update(token).digest('hex'), csrf],
    );

    return {
      cookie: `mpdom_session=${platform.app.signCookie(token)}`,
      csrf,
      userId: user!.id,
      personId: user!.personId,
    };
  };

  const setLevel = async (userId: string, level: string) => {
    await db.query(
      `INSERT INTO identity_assurances (user_id, level) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET level = $2`,
      [userId, level],
    );
  };

  return {
    platform,
    orgs,
    ownerFlat,
    otherFlat: other!.id,
    signIn,
    openSession,
    createUser,
    setLevel,
  };
}

/** Sends a request as the session's user, with the CSRF token on writes. */
export function requestAs(platform: Platform, session: Session | null) {
  return (method: string, url: string, payload?: unknown) =>
    platform.app.inject({
      method: method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    });
}
