import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { requireUser } from '../identity/session-guard.js';
import { SessionSchema } from '../identity/sessions.schema.js';
import {
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
} from './passkey-registration.service.js';
import { passkeySignInOptions, verifyPasskeySignIn } from './passkey-sign-in.service.js';
import { findPasskeysOf } from './passkeys.repo.js';
import {
  PasskeyOptionsBodySchema,
  PasskeySchema,
  PasskeySignInSchema,
  RegisterPasskeySchema,
  SessionIdParamsSchema,
  WebauthnOptionsSchema,
} from './security.schema.js';
import { presentPasskey } from './security.presenter.js';
import { replyWithNewSession } from './session-reply.js';

const SIGN_IN_RATE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Passkeys (WebAuthn): register and manage them, and sign in with one instead of a password. */
export function passkeysRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/users/me/passkeys/options',
    {
      schema: {
        tags: ['security'],
        summary: 'Options for creating a passkey in the browser',
        response: { 200: WebauthnOptionsSchema, 401: ProblemSchema },
      },
    },
    async (request) => ({ ...(await passkeyRegistrationOptions(ctx, requireUser(request))) }),
  );

  routes.post(
    '/v1/users/me/passkeys',
    {
      schema: {
        tags: ['security'],
        summary: 'Register the passkey the browser created',
        body: RegisterPasskeySchema,
        response: {
          201: PasskeySchema,
          400: ProblemSchema,
          401: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const passkey = await registerPasskey(
        ctx,
        {
          actorUserId: user.id,
          requestId: request.id,
          userAgent: request.headers['user-agent'] ?? null,
        },
        {
          // Checked in shape by the schema; the library verifies every byte.
          response: request.body.response as unknown as RegistrationResponseJSON,
          name: request.body.name,
        },
      );

      return reply.status(201).send(presentPasskey(passkey));
    },
  );

  routes.get(
    '/v1/users/me/passkeys',
    {
      schema: {
        tags: ['security'],
        summary: 'The signed-in person’s passkeys',
        response: { 200: pageOf(PasskeySchema), 401: ProblemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const items = (await findPasskeysOf(ctx.db, user.id)).map(presentPasskey);

      // A person has a handful of keys; one page holds them all.
      return { items, total: items.length, page: 1, limit: Math.max(items.length, 1) };
    },
  );

  routes.delete(
    '/v1/users/me/passkeys/:id',
    {
      schema: {
        tags: ['security'],
        summary: 'Remove a passkey',
        params: SessionIdParamsSchema,
        response: { 204: z.null(), 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);

      await removePasskey(ctx, { actorUserId: user.id, requestId: request.id }, request.params.id);

      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/v1/sessions/passkey/options',
    {
      config: SIGN_IN_RATE_LIMIT,
      schema: {
        tags: ['sessions'],
        summary: 'Options for signing in with a passkey (login optional)',
        body: PasskeyOptionsBodySchema,
        response: { 200: WebauthnOptionsSchema, 429: ProblemSchema },
      },
    },
    async (request) => ({ ...(await passkeySignInOptions(ctx, request.body?.login)) }),
  );

  routes.post(
    '/v1/sessions/passkey',
    {
      config: SIGN_IN_RATE_LIMIT,
      schema: {
        tags: ['sessions'],
        summary: 'Sign in with a passkey',
        body: PasskeySignInSchema,
        response: { 201: SessionSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const userId = await verifyPasskeySignIn(
        ctx,
        request.body.response as unknown as AuthenticationResponseJSON,
        request.id,
      );

      return replyWithNewSession(ctx, reply, userId, {
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip,
        requestId: request.id,
      });
    },
  );
}
