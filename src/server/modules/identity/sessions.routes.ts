import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { auditFromRequest, recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { endSession, touchSession } from './identity.repo.js';
import { installSessionGuard, SESSION_COOKIE, requireUser } from './session-guard.js';
import { SessionSchema, SignInSchema } from './sessions.schema.js';
import { resolveSession, signIn } from './sessions.service.js';
import { sendNewSession } from './session-cookie.js';

/**
 * Web sign-in with a session cookie. The full identity flows (registration, codes, second factor)
 * extend this module; API clients will get bearer tokens with the open-API work.
 */
export async function sessionsRoutes(api: FastifyInstance, ctx: AppContext) {
  installSessionGuard(api, ctx);

  await api.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.ceil(context.ttl / 1000);

      return new AppError('rate_limited', {
        detail: {
          ru: `Слишком много попыток входа, повторите через ${seconds} с`,
          en: `Too many sign-in attempts; retry in ${seconds} s`,
        },
        extra: { retryAfterSeconds: seconds },
      });
    },
  });

  const routes = api.withTypeProvider<ZodTypeProvider>();
  const secure = ctx.config.env === 'production';

  routes.post(
    '/v1/sessions',
    {
      config: {
        rateLimit: { max: ctx.config.security.signInAttemptsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['sessions'],
        summary: 'Sign in with e-mail or phone and password',
        body: SignInSchema,
        response: {
          201: SessionSchema,
          401: ProblemSchema,
          423: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx.db, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip,
        requestId: request.id,
      });

      return sendNewSession(reply, session, secure);
    },
  );

  routes.get(
    '/v1/sessions/current',
    {
      schema: {
        tags: ['sessions'],
        summary: 'The signed-in person and the CSRF token of the session',
        response: { 200: SessionSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const raw = request.unsignCookie(request.cookies[SESSION_COOKIE] ?? '');
      const session = raw.value ? await resolveSession(ctx.db, raw.value) : null;

      if (!session || !request.sessionId) {
        throw new AppError('unauthenticated');
      }

      await touchSession(ctx.db, request.sessionId);

      return { user, csrfToken: session.csrfToken };
    },
  );

  routes.delete(
    '/v1/sessions/current',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign out: ends the current session',
        response: { 204: z.null(), 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      requireUser(request);

      const sessionId = request.sessionId;

      if (sessionId) {
        await ctx.db.transaction(async (tx) => {
          await endSession(tx, sessionId);
          await recordAudit(tx, {
            ...auditFromRequest(request),
            action: 'session.ended',
            objectType: 'session',
            objectId: sessionId,
          });
        });
      }

      reply.clearCookie(SESSION_COOKIE, { path: '/' });

      return reply.status(204).send(null);
    },
  );
}
