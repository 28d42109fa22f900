/**
 * Times `authorize` on the demo world: a premise-scoped check (memberships, the house's managing
 * organisation, ownerships, registrations, powers of attorney) and an organisation-scoped one.
 * Runs on an in-memory PGlite.
 *
 *   npx tsx bench/access-authorize.ts
 */
import { PGlite } from '@electric-sql/pglite';

import { loadConfig } from '../src/server/config.js';
import { buildDemoWorld } from '../src/server/modules/demo/demo.world.js';
import { authorize } from '../src/server/modules/access/authorize.js';
import { wrapPglite } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { createLogger } from '../src/server/platform/logger.js';
import type { AppContext } from '../src/server/platform/context.js';
import type { SignedInUser } from '../src/server/platform/http/auth-types.js';

const CALLS = 2000;

async function main() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'true' });
  const db = wrapPglite(await PGlite.create());

  await migrate(db);

  const [org] = await db.query<{ id: string }>(
    `INSERT INTO organisations (kind, name, normalized_name) VALUES ('management_company', 'УК', 'ук')
     RETURNING id`,
  );

  await db.query(
    `INSERT INTO houses (portal_id, address, search_text, area_residential, residential_premises_count,
       entrances, floors_max, source_hash, managing_organisation_id)
     VALUES (1, 'г. Екатеринбург, ул. Бенч, д. 1', 'бенч', '1500.00', 24, 2, 5, 'bench', $1)`,
    [org!.id],
  );

  const ctx = { config, db, logger: createLogger(config) } as unknown as AppContext;

  await buildDemoWorld(ctx);

  const userOf = async (email: string): Promise<SignedInUser> => {
    const [row] = await db.query<{ id: string; personId: string; platformRole: string }>(
      `SELECT id, person_id AS "personId", platform_role AS "platformRole" FROM users
       WHERE email = $1`,
      [email],
    );

    return { ...row!, displayName: email, roles: [] };
  };
  const owner = await userOf('owner@mpdom.test');
  const admin = await userOf('uk-admin@mpdom.test');
  const [flat] = await db.query<{ id: string }>(
    'SELECT premise_id AS id FROM ownerships WHERE person_id = $1 LIMIT 1',
    [owner.personId],
  );
  const [membership] = await db.query<{ id: string }>(
    'SELECT organisation_id AS id FROM memberships WHERE user_id = $1',
    [admin.id],
  );

  const time = async (label: string, check: () => Promise<unknown>) => {
    const started = performance.now();

    for (let n = 0; n < CALLS; n += 1) {
      await check();
    }

    const ms = performance.now() - started;

    console.log(
      `${label}: ${CALLS} checks ${Math.round(ms)} ms (${(ms / CALLS).toFixed(2)} ms each)`,
    );
  };

  await time('premise scope (owner)', () =>
    authorize(ctx, owner, 'premise.read_rights', { premiseId: flat!.id }),
  );
  await time('organisation scope (admin)', () =>
    authorize(ctx, admin, 'employees.list', { organisationId: membership!.id }),
  );
  await time('own data (signed in)', () => authorize(ctx, owner, 'profile.read'));
  await db.close();
}

await main();
