import type { FastifyInstance } from 'fastify';

import '../../src/server/platform/http/auth-types.js';

export const TEST_USER_HEADER = 'x-test-user';
export const TEST_ROLE_HEADER = 'x-test-platform-role';

/**
 * A test-only API module standing in for the sessions module: a request carrying
 * `x-test-user: <uuid>` is signed in as that user (with `x-test-platform-role`, if given).
 * Never part of the real app.
 */
export function testSignIn(api: FastifyInstance) {
  api.decorateRequest('user', null);

  api.addHook('onRequest', async (request) => {
    const id = request.headers[TEST_USER_HEADER];
    const role = request.headers[TEST_ROLE_HEADER];

    if (typeof id === 'string') {
      request.user = {
        id,
        personId: id,
        displayName: 'Тестовый Пользователь',
        platformRole: typeof role === 'string' ? role : 'citizen',
        roles: [],
      };
    }
  });
}
