import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { pickLocale } from '../../platform/errors.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { SessionSchema } from '../identity/sessions.schema.js';
import { signIn } from '../identity/sessions.service.js';
import { currentLegalTexts } from './accounts.data.js';
import { completeRegistrationWithPassword } from './complete-registration.js';
import {
  CodeSentSchema,
  ConfirmCodeSchema,
  ConfirmRecoverySchema,
  ConsentsSchema,
  LegalTextsSchema,
  PasswordSchema,
  RecoverySchema,
  RecoveryStateSchema,
  RegistrationParamsSchema,
  RegistrationSchema,
  RequestCodeSchema,
  StartRecoverySchema,
  StartRegistrationSchema,
} from './accounts.schema.js';
import {
  completeRecovery,
  confirmRecovery,
  resendRecoveryCode,
  startRecovery,
} from './recoveries.service.js';
import {
  acceptRegistrationConsents,
  confirmRegistrationContact,
  requestRegistrationCode,
  startRegistration,
  type RequestMeta,
} from './registrations.service.js';
import { sendNewSession } from '../identity/session-cookie.js';

// Per client IP; per account the code rules (attempts, pause, daily caps) and the sign-in
// lockout do the limiting.
const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

const ERRORS = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  410: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

function metaOf(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}

/**
 * Registration wizard, legal texts and password recovery (issue 3). Every step answers the
 * contract's shapes; none of them reveals whether an account exists.
 */
export async function accountsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();
  const secure = ctx.config.env === 'production';

  async function openSessionReply(
    request: FastifyRequest,
    reply: FastifyReply,
    login: string,
    password: string,
  ) {
    const session = await signIn(ctx.db, { login, password, ...metaOf(request) });

    return sendNewSession(reply, session, secure);
  }

  routes.get(
    '/v1/legal-texts/current',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Current personal-data consent and user agreement, in the caller’s language',
        response: { 200: LegalTextsSchema },
      },
    },
    async (request) => currentLegalTexts(pickLocale(request.headers['accept-language'])),
  );

  routes.post(
    '/v1/registrations',
    {
      config: perIp(30),
      schema: {
        tags: ['accounts'],
        summary: 'Start a registration: name and contacts; nothing permanent is created yet',
        body: StartRegistrationSchema,
        response: { 201: RegistrationSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startRegistration(ctx, request.body, metaOf(request))),
  );

  routes.post(
    '/v1/registrations/:id/codes',
    {
      config: perIp(30),
      schema: {
        tags: ['accounts'],
        summary: 'Send or resend a one-time code to a contact of the registration',
        params: RegistrationParamsSchema,
        body: RequestCodeSchema,
        response: { 202: CodeSentSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await requestRegistrationCode(ctx, request.params.id, request.body.kind, metaOf(request)),
        ),
  );

  routes.post(
    '/v1/registrations/:id/confirmations',
    {
      config: perIp(60),
      schema: {
        tags: ['accounts'],
        summary: 'Confirm a contact with the code it received',
        params: RegistrationParamsSchema,
        body: ConfirmCodeSchema,
        response: { 200: RegistrationSchema, ...ERRORS },
      },
    },
    async (request) =>
      confirmRegistrationContact(ctx, request.params.id, request.body, metaOf(request)),
  );

  routes.post(
    '/v1/registrations/:id/consents',
    {
      config: perIp(30),
      schema: {
        tags: ['accounts'],
        summary: 'Accept the personal-data consent and the user agreement (both required)',
        params: RegistrationParamsSchema,
        body: ConsentsSchema,
        response: { 200: RegistrationSchema, ...ERRORS },
      },
    },
    async (request) =>
      acceptRegistrationConsents(ctx, request.params.id, request.body, metaOf(request)),
  );

  routes.post(
    '/v1/registrations/:id/password',
    {
      config: perIp(20),
      schema: {
        tags: ['accounts'],
        summary: 'Set the password: creates the account and signs in',
        params: RegistrationParamsSchema,
        body: PasswordSchema,
        response: { 201: SessionSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { login } = await completeRegistrationWithPassword(
        ctx,
        request.params.id,
        request.body.password,
        metaOf(request),
      );

      return openSessionReply(request, reply, login, request.body.password);
    },
  );

  routes.post(
    '/v1/recoveries',
    {
      config: perIp(20),
      schema: {
        tags: ['accounts'],
        summary: 'Start access recovery; the same answer whether or not the login exists',
        body: StartRecoverySchema,
        response: { 202: RecoverySchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startRecovery(ctx, request.body.login, metaOf(request))),
  );

  routes.post(
    '/v1/recoveries/:id/codes',
    {
      config: perIp(20),
      schema: {
        tags: ['accounts'],
        summary: 'Resend the recovery code',
        params: RegistrationParamsSchema,
        response: { 202: RecoverySchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await resendRecoveryCode(ctx, request.params.id, metaOf(request))),
  );

  routes.post(
    '/v1/recoveries/:id/confirmations',
    {
      config: perIp(60),
      schema: {
        tags: ['accounts'],
        summary: 'Confirm the recovery with the code',
        params: RegistrationParamsSchema,
        body: ConfirmRecoverySchema,
        response: { 200: RecoveryStateSchema, ...ERRORS },
      },
    },
    async (request) => confirmRecovery(ctx, request.params.id, request.body.code, metaOf(request)),
  );

  routes.post(
    '/v1/recoveries/:id/password',
    {
      config: perIp(20),
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password: unlocks the account, ends its sessions, signs in',
        params: RegistrationParamsSchema,
        body: PasswordSchema,
        response: { 201: SessionSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { login } = await completeRecovery(
        ctx,
        request.params.id,
        request.body.password,
        metaOf(request),
      );

      return openSessionReply(request, reply, login, request.body.password);
    },
  );
}
