import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Platform } from '../../src/server/main.js';
import { insertHouse } from './factories.js';
import { createTestPlatform } from './platform.js';
import { multipartBody } from './sample-files.js';

export const REGISTRY_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/registry');

/** A fixture extract's bytes (test/fixtures/registry/README.md says what each one holds). */
export function registryFixture(name: string): Buffer {
  return fs.readFileSync(path.join(REGISTRY_FIXTURES, name));
}

/** The house the fixtures' addresses «…, ул. Реестровая, д. 5, …» belong to. */
export const FIXTURE_HOUSE = 'обл. Свердловская, г. Екатеринбург, ул. Реестровая, д. 5';

type Caller = { cookie: string; csrf: string; userId: string } | null;

/**
 * The platform on a fresh database with the people the registry endpoints care about: a
 * platform admin, an identity operator and a citizen, each with an open session, and the house
 * the fixture extracts name.
 */
export async function createRegistryWorld() {
  const platform = await createTestPlatform();
  const db = platform.ctx.db;
  const house = await insertHouse(db, {
    address: FIXTURE_HOUSE,
    search_text: 'свердловская екатеринбург реестровая 5',
  });
  let seq = 0;

  const person = async (email: string, platformRole: string): Promise<Caller> => {
    seq += 1;

    const [row] = await db.query<{ id: string }>(
      `WITH p AS (INSERT INTO persons (surname, name, email) VALUES ('Реестров', 'Тест', $1)
         RETURNING id)
       INSERT INTO users (person_id, email, phone, password_hash, platform_role)
       SELECT p.id, $1, $2, 'x', $3 FROM p RETURNING id`,
      [email, `+7911777${String(seq).padStart(4, '0')}`, platformRole],
    );
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');

    await db.query(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + interval '1 day')`,
      [row!.id, createHash('sha256').update(token).digest('hex'), csrf],
    );

    return { cookie: `mpdom_session=${platform.app.signCookie(token)}`, csrf, userId: row!.id };
  };

  const callers = {
    admin: await person('registry-admin@mpdom.test', 'platform_admin'),
    operator: await person('registry-operator@mpdom.test', 'identity_operator'),
    citizen: await person('registry-citizen@mpdom.test', 'citizen'),
    anonymous: null as Caller,
  };

  return {
    platform,
    db,
    houseId: house.id,
    callers,
    upload: (caller: Caller, file: { data: Buffer; name: string }, query = '') =>
      uploadExtract(platform, caller, file, query),
    lookUp: (caller: Caller, cadastralNumber: string, query = '') =>
      platform.app.inject({
        method: 'GET',
        url: `/api/v1/registry/objects/${encodeURIComponent(cadastralNumber)}${query}`,
        headers: caller ? { cookie: caller.cookie } : {},
      }),
    /** What the local copy holds: objects and rights, and the registry import runs. */
    counts: async () => {
      const [row] = await db.query<{ objects: number; rights: number; runs: number }>(
        `SELECT (SELECT count(*)::int FROM registry_objects) AS objects,
           (SELECT count(*)::int FROM registry_rights) AS rights,
           (SELECT count(*)::int FROM import_runs WHERE kind = 'registry') AS runs`,
      );

      return row!;
    },
  };
}

export type RegistryWorld = Awaited<ReturnType<typeof createRegistryWorld>>;

function uploadExtract(
  platform: Platform,
  caller: Caller,
  file: { data: Buffer; name: string },
  query: string,
) {
  const { payload, headers } = multipartBody([
    { name: 'file', filename: file.name, contentType: 'text/csv', data: file.data },
  ]);

  return platform.app.inject({
    method: 'POST',
    url: `/api/v1/registry/imports${query}`,
    payload,
    headers: {
      ...headers,
      ...(caller ? { cookie: caller.cookie, 'x-csrf-token': caller.csrf } : {}),
    },
  });
}
