import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiModules } from '../../src/server/modules/index.js';
import { storeUpload } from '../../src/server/platform/files/files.service.js';
import { buildApp } from '../../src/server/platform/http/app.js';
import { login, MATRIX, ROLES, type Fixture, type Row, type Who } from './access-matrix.table.js';
import {
  createAccessWorld,
  ROLE_LOGINS,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

const SCAN = fs.readFileSync(new URL('../fixtures/files/scan.jpg', import.meta.url));

/**
 * The role × action matrix: every endpoint the API registers, tried by a user of every role and
 * by an anonymous caller, with the expected allow/deny asserted. An endpoint missing from the
 * table fails the test, so a new endpoint cannot ship without its rule.
 */

function isAllowed(row: Row, who: Who): boolean {
  if (row.allow === 'public') {
    return true;
  }

  if (who === 'anonymous') {
    return false;
  }

  return row.allow === 'signed_in' || row.allow.includes(who);
}

describe('role × action matrix', () => {
  let world: AccessWorld;
  let app: FastifyInstance;
  const routes = new Set<string>();
  const sessions = new Map<Who, Session | null>();
  let fixture: Fixture;

  beforeAll(async () => {
    world = await createAccessWorld();

    const db = world.platform.ctx.db;

    // The same modules the platform mounts, with a hook that sees every route as it registers.
    app = await buildApp(world.platform.ctx, {
      modules: [
        (api) => {
          api.addHook('onRoute', (route) => {
            for (const method of [route.method].flat()) {
              if (method !== 'HEAD' && method !== 'OPTIONS') {
                routes.add(`${method} ${route.url}`);
              }
            }
          });
        },
        ...apiModules,
      ],
    });
    await app.ready();

    const person = await world.createUser('matrix-person@mpdom.test');

    sessions.set('anonymous', null);

    for (const role of ROLES) {
      const session = await world.openSession(ROLE_LOGINS[role]);

      // Rights are what this test measures: everyone gets the highest identity level.
      await world.setLevel(session.userId, 'verified');
      sessions.set(role, session);
    }

    const owner = sessions.get('owner')!;

    const upload = (userId: string) =>
      storeUpload(world.platform.ctx, { body: SCAN, originalName: 'scan.jpg', uploadedBy: userId });

    await upload(owner.userId);

    let seq = 0;

    fixture = {
      world,
      uniq: () => `${Date.now()}-${(seq += 1)}`,
      freshEmployee: async () => {
        const user = await world.createUser(`employee-${(seq += 1)}@mpdom.test`);

        await db.query(
          `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'executor')`,
          [user.userId, world.orgs.managing],
        );

        return user.userId;
      },
      pendingRequest: async () => {
        const file = await upload(person.userId);
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO verification_requests (user_id, method, file_id, expires_at)
           VALUES ($1, 'document_scan', $2, now() + interval '1 day') RETURNING id`,
          [person.userId, file.id],
        );

        return row!.id;
      },
      ownersPower: async () => {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO powers_of_attorney (principal_person_id, representative_user_id, premise_id,
             valid_from, valid_until, created_by)
           VALUES ($1, $2, $3, CURRENT_DATE, CURRENT_DATE + 30, $4) RETURNING id`,
          [owner.personId, person.userId, world.ownerFlat, owner.userId],
        );

        return row!.id;
      },
      invitationFor: async (who) => {
        const token = randomBytes(24).toString('base64url');
        // A throwaway organisation, so accepting leaves no role that would skew later rows.
        const [org] = await db.query<{ id: string }>(
          `INSERT INTO organisations (kind, name, normalized_name)
           VALUES ('management_company', 'Матрица', 'матрица') RETURNING id`,
        );

        await db.query(
          `INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by, expires_at)
           VALUES ($1, $2, 'executor', $3, $4, now() + interval '1 day')`,
          [org!.id, login(who), createHash('sha256').update(token).digest('hex'), owner.userId],
        );

        return token;
      },
    };
  });

  afterAll(async () => {
    await app?.close();
    await world?.platform.stop();
  });

  it('should list every registered endpoint in the matrix, and nothing more', () => {
    const registered = [...routes].filter((r) => r.split(' ')[1]?.startsWith('/api/')).sort();

    expect(registered.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.has(r))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const row = MATRIX[key]!;
    const [method] = key.split(' ');
    const failures: string[] = [];

    for (const who of ['anonymous', ...ROLES] as Who[]) {
      const call = await row.call(fixture, who);
      const session =
        call.fresh && who !== 'anonymous'
          ? await world.openSession(ROLE_LOGINS[who])
          : sessions.get(who);
      const response = await app.inject({
        method: method as 'GET',
        url: call.url,
        ...(call.payload === undefined ? {} : { payload: call.payload as object }),
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
      });
      const code = String(response.headers['content-type'] ?? '').includes('json')
        ? response.json<{ code?: string }>().code
        : undefined;
      const denied =
        code === 'unauthenticated' ||
        code === 'forbidden' ||
        code === 'assurance_required' ||
        (row.deniedAs === 404 && response.statusCode === 404);
      const expected = isAllowed(row, who);

      if (response.statusCode >= 500) {
        failures.push(`${who}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      } else if (expected === denied) {
        failures.push(
          `${who}: ${response.body.slice(0, 300)} expected ${expected ? 'allow' : 'deny'}, got ${response.statusCode} ${code ?? ''}`,
        );
      }
    }

    expect(failures).toEqual([]);
  });
});
