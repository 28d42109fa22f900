import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  DecisionSchema,
  IdParamsSchema,
  InPersonCodeIssuedSchema,
  InPersonCodeIssueSchema,
  VerificationQuerySchema,
  VerificationRequestBodySchema,
  VerificationRequestSchema,
} from './access.schema.js';
import { actingOf } from './acting.js';
import { issueInPersonCode } from './in-person-codes.service.js';
import {
  decide,
  getRequest,
  listQueue,
  openScan,
  requestVerification,
} from './verification.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };

/** Identity verification: requests by people, the operators' queue and decisions, desk codes. */
export function verificationRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/v1/verification-requests',
    {
      schema: {
        tags: ['access'],
        summary: 'Ask an operator to verify your identity by a passport scan you uploaded',
        body: VerificationRequestBodySchema,
        response: {
          201: VerificationRequestSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          415: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestVerification(ctx, actingOf(request), request.body.fileId)),
  );

  routes.get(
    '/v1/verification-requests',
    {
      schema: {
        tags: ['access'],
        summary: 'The verification queue (identity operators), oldest first',
        querystring: VerificationQuerySchema,
        response: { 200: pageOf(VerificationRequestSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listQueue(ctx, actingOf(request), request.query),
  );

  routes.get(
    '/v1/verification-requests/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'One verification request (identity operators); the reading is journaled',
        params: IdParamsSchema,
        response: { 200: VerificationRequestSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRequest(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/verification-requests/:id/scan',
    {
      schema: {
        tags: ['access'],
        summary: 'The uploaded scan of a request, for the operator comparing it',
        params: IdParamsSchema,
        response: { 200: z.unknown(), 404: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openScan(ctx, actingOf(request), request.params.id);

      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', contentDisposition('scan', { type: 'inline' }))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  routes.post(
    '/v1/verification-requests/:id/decision',
    {
      schema: {
        tags: ['access'],
        summary: 'Approve (the person becomes verified) or refuse with a reason',
        params: IdParamsSchema,
        body: DecisionSchema,
        response: {
          200: VerificationRequestSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) => decide(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.post(
    '/v1/verification-requests/in-person-codes',
    {
      schema: {
        tags: ['access'],
        summary: 'Issue a one-time code for a person whose passport was checked at the desk',
        body: InPersonCodeIssueSchema,
        response: {
          201: InPersonCodeIssuedSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueInPersonCode(ctx, actingOf(request), request.body.login)),
  );
}
