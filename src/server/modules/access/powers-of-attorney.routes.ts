import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  IdParamsSchema,
  PowerOfAttorneyBodySchema,
  PowerOfAttorneySchema,
  PowersOfAttorneyListSchema,
  PremiseRightsSchema,
} from './access.schema.js';
import { actingOf } from './acting.js';
import {
  getPowers,
  grantPower,
  premiseRights,
  withdrawPower,
} from './powers-of-attorney.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };

/** Powers of attorney between owners and representatives, and rights on a premise. */
export function powersOfAttorneyRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/powers-of-attorney',
    {
      schema: {
        tags: ['access'],
        summary: 'As an owner, let a representative act for you on a premise for a period',
        body: PowerOfAttorneyBodySchema,
        response: { 201: PowerOfAttorneySchema, 400: ProblemSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantPower(ctx, actingOf(request), request.body)),
  );

  routes.get(
    '/v1/powers-of-attorney',
    {
      schema: {
        tags: ['access'],
        summary: 'Powers of attorney you granted and those you received',
        response: { 200: PowersOfAttorneyListSchema, ...DENIED },
      },
    },
    async (request) => getPowers(ctx, actingOf(request)),
  );

  routes.delete(
    '/v1/powers-of-attorney/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Revoke a power of attorney you granted',
        params: IdParamsSchema,
        response: { 200: PowerOfAttorneySchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => withdrawPower(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/premises/:id/rights',
    {
      schema: {
        tags: ['access'],
        summary: 'Your roles on a premise and the actions they allow',
        params: IdParamsSchema,
        response: { 200: PremiseRightsSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => premiseRights(ctx, actingOf(request), request.params.id),
  );
}
