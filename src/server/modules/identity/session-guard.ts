import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import '../../platform/http/auth-types.js';
import { resolveSession } from './sessions.service.js';

export const SESSION_COOKIE = 'mpdom_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Signing in is the one cookie-less write that must work without a CSRF token; SameSite=Lax on
// the cookie it sets covers the cross-site case.
// The second-factor and passkey steps of signing in are the same kind of write: each carries its
// own proof (a challenge id, a signature), which a cross-site page cannot know.
const CSRF_EXEMPT = new Set([
  'POST /api/v1/sessions',
  'POST /api/v1/sessions/second-factor',
  'POST /api/v1/sessions/passkey/options',
  'POST /api/v1/sessions/passkey',
]);

declare module 'fastify' {
  interface FastifyRequest {
    sessionId: string | null;
  }
}

/**
 * Resolves the session cookie of every API request into `request.user`, and refuses
 * cookie-authenticated writes that lack the session's CSRF token (double-submit defence).
 */
export function installSessionGuard(api: FastifyInstance, ctx: AppContext) {
  api.decorateRequest('user', null);
  api.decorateRequest('sessionId', null);

  api.addHook('onRequest', async (request) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;

    if (!unsigned?.valid || !unsigned.value) {
      return;
    }

    const session = await resolveSession(ctx.db, unsigned.value);

    if (!session) {
      return;
    }

    const routeKey = `${request.method} ${request.routeOptions.url ?? ''}`;

    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(routeKey)) {
      if (request.headers[CSRF_HEADER] !== session.csrfToken) {
        throw new AppError('csrf_failed');
      }
    }

    request.user = session.user;
    request.sessionId = session.sessionId;
  });
}

/** Throws `unauthenticated` unless someone is signed in; returns the user for convenience. */
export function requireUser(request: FastifyRequest) {
  if (!request.user) {
    throw new AppError('unauthenticated');
  }

  return request.user;
}
