import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { IdentityDocumentsSchema, InPersonCodeRedeemSchema, MeSchema } from './access.schema.js';
import { actingOf } from './acting.js';
import { getMe, submitIdentityDocuments } from './assurance.service.js';
import { redeemInPersonCode } from './in-person-codes.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };

/** The signed-in person's own profile, identity documents and in-person verification code. */
export function meRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/users/me',
    {
      schema: {
        tags: ['access'],
        summary: 'The signed-in person: contacts, identity level and what is missing, roles',
        response: { 200: MeSchema, ...DENIED },
      },
    },
    async (request) => getMe(ctx, request.user),
  );

  routes.put(
    '/v1/users/me/identity-documents',
    {
      schema: {
        tags: ['access'],
        summary: 'Give passport and СНИЛС; valid ones raise the identity level to standard',
        description:
          'Stored encrypted; answers show only the last digits. Errors: `passport_invalid`, ' +
          '`snils_invalid` (format, checksum or a number below 001-001-998).',
        body: IdentityDocumentsSchema,
        response: { 200: MeSchema, 400: ProblemSchema, 422: ProblemSchema, ...DENIED },
      },
    },
    async (request) => submitIdentityDocuments(ctx, request.user, request.body, request.id),
  );

  routes.post(
    '/v1/users/me/in-person-code',
    {
      schema: {
        tags: ['access'],
        summary: 'Enter the code an operator handed over in person; a right code verifies you',
        body: InPersonCodeRedeemSchema,
        response: { 204: z.null(), 400: ProblemSchema, 422: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) => {
      await redeemInPersonCode(ctx, actingOf(request), request.body.code);

      return reply.status(204).send(null);
    },
  );
}
