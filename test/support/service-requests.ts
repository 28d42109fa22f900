import type { LightMyRequestResponse } from 'fastify';
import fs from 'node:fs';

import { createAccessWorld, requestAs, type AccessWorld, type Session } from './access-world.js';
import { multipartBody } from './sample-files.js';

export const fixture = (name: string) =>
  fs.readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

export type RequestsWorld = AccessWorld & {
  sessions: Record<
    'owner' | 'resident' | 'dispatcher' | 'executor' | 'admin' | 'inspector' | 'stranger',
    Session
  >;
  as: (who: keyof RequestsWorld['sessions']) => ReturnType<typeof requestAs>;
  /** The house of the owner's flat, managed by the demo management company. */
  houseId: string;
  upload: (
    who: keyof RequestsWorld['sessions'],
    bytes: Buffer,
    filename: string,
  ) => Promise<LightMyRequestResponse>;
};

/** The access world with sessions of the people requests involve, each at the highest level. */
export async function createRequestsWorld(
  env: Record<string, string> = {},
): Promise<RequestsWorld> {
  const world = await createAccessWorld(env);
  const stranger = await world.createUser('stranger@mpdom.test', 'Посторонний');
  const logins = {
    owner: 'owner@mpdom.test',
    resident: 'resident@mpdom.test',
    dispatcher: 'dispatcher@mpdom.test',
    executor: 'executor@mpdom.test',
    admin: 'uk-admin@mpdom.test',
    inspector: 'inspector@mpdom.test',
    stranger: 'stranger@mpdom.test',
  } as const;
  const sessions = {} as RequestsWorld['sessions'];

  for (const [key, login] of Object.entries(logins)) {
    const session = await world.openSession(login);

    await world.setLevel(session.userId, 'verified');
    sessions[key as keyof typeof logins] = session;
  }

  void stranger;

  const [house] = await world.platform.ctx.db.query<{ id: string }>(
    'SELECT house_id AS id FROM premises WHERE id = $1',
    [world.ownerFlat],
  );

  return {
    ...world,
    sessions,
    as: (who) => requestAs(world.platform, sessions[who]),
    houseId: house!.id,
    upload: async (who, bytes, filename) => {
      const { payload, headers } = multipartBody([{ name: 'file', filename, data: bytes }]);

      return world.platform.app.inject({
        method: 'POST',
        url: '/api/v1/service-requests/photos',
        payload,
        headers: { ...headers, cookie: sessions[who].cookie, 'x-csrf-token': sessions[who].csrf },
      });
    },
  };
}

export function leak(world: RequestsWorld, overrides: Record<string, unknown> = {}) {
  return {
    houseId: world.houseId,
    premiseId: world.ownerFlat,
    location: 'premise',
    category: 'plumbing',
    description: `Капает кран на кухне, ${Math.random().toString(36).slice(2, 8)}`,
    ...overrides,
  };
}
