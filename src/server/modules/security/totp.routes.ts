import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { requireUser } from '../identity/session-guard.js';
import { SessionSchema } from '../identity/sessions.schema.js';
import { passSecondFactor } from './second-factor.service.js';
import {
  RecoveryCodesSchema,
  SecondFactorSchema,
  TotpCodeSchema,
  TotpDisableSchema,
  TotpEnrolmentSchema,
  TotpStatusSchema,
} from './security.schema.js';
import { replyWithNewSession } from './session-reply.js';
import { confirmTotp, disableTotp, startTotpEnrolment, totpStatus } from './totp.service.js';

// Code guessing is bounded per challenge too; this bounds it per client address across them.
const CODE_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** The authenticator app as a second factor: enrol, confirm, turn off, and sign in with it. */
export function totpRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/users/me/totp',
    {
      schema: {
        tags: ['security'],
        summary: 'Whether the authenticator app is on, and how many recovery codes are left',
        response: { 200: TotpStatusSchema, 401: ProblemSchema },
      },
    },
    async (request) => totpStatus(ctx, requireUser(request).id),
  );

  routes.post(
    '/v1/users/me/totp',
    {
      schema: {
        tags: ['security'],
        summary: 'Start enrolling an authenticator app: a new secret and its QR code',
        response: { 201: TotpEnrolmentSchema, 401: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const enrolment = await startTotpEnrolment(ctx, {
        actorUserId: user.id,
        requestId: request.id,
      });

      return reply.status(201).send(enrolment);
    },
  );

  routes.post(
    '/v1/users/me/totp/confirmations',
    {
      config: CODE_RATE_LIMIT,
      schema: {
        tags: ['security'],
        summary: 'Confirm the app with a code; answers the ten recovery codes, once',
        body: TotpCodeSchema,
        response: {
          200: RecoveryCodesSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          409: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);

      return confirmTotp(ctx, { actorUserId: user.id, requestId: request.id }, request.body.code);
    },
  );

  routes.delete(
    '/v1/users/me/totp',
    {
      config: CODE_RATE_LIMIT,
      schema: {
        tags: ['security'],
        summary: 'Turn the authenticator app off with a current code or a recovery code',
        body: TotpDisableSchema,
        response: {
          204: z.null(),
          400: ProblemSchema,
          401: ProblemSchema,
          409: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);

      await disableTotp(ctx, { actorUserId: user.id, requestId: request.id }, request.body.code);

      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/v1/sessions/second-factor',
    {
      config: CODE_RATE_LIMIT,
      schema: {
        tags: ['sessions'],
        summary: 'Finish signing in with an app code or a recovery code',
        body: SecondFactorSchema,
        response: {
          201: SessionSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const userId = await passSecondFactor(ctx, request.body, request.id);

      return replyWithNewSession(ctx, reply, userId, {
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip,
        requestId: request.id,
      });
    },
  );
}
