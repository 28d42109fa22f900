import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf, PageQuerySchema } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { requireUser, SESSION_COOKIE } from '../identity/session-guard.js';
import { changePassword, endSessionOf, listSessions } from './account-security.service.js';
import {
  ChangePasswordSchema,
  DeviceSessionSchema,
  PasswordChangedSchema,
  SessionIdParamsSchema,
} from './security.schema.js';

/** The person's sessions and devices, and the password change that signs the others out. */
export function devicesRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/sessions',
    {
      schema: {
        tags: ['security'],
        summary: 'The signed-in person’s active sessions, the current one flagged',
        querystring: PageQuerySchema,
        response: { 200: pageOf(DeviceSessionSchema), 401: ProblemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);

      return listSessions(ctx, { id: user.id, sessionId: request.sessionId }, request.query);
    },
  );

  routes.delete(
    '/v1/sessions/:id',
    {
      schema: {
        tags: ['security'],
        summary: 'End one of the person’s sessions (sign a device out)',
        params: SessionIdParamsSchema,
        response: { 204: z.null(), 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);

      await endSessionOf(ctx, { actorUserId: user.id, requestId: request.id }, request.params.id);

      if (request.params.id === request.sessionId) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }

      return reply.status(204).send(null);
    },
  );

  routes.put(
    '/v1/users/me/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['security'],
        summary: 'Change the password; every other session is ended',
        body: ChangePasswordSchema,
        response: {
          200: PasswordChangedSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);

      return changePassword(
        ctx,
        { actorUserId: user.id, requestId: request.id, sessionId: request.sessionId },
        request.body,
      );
    },
  );
}
