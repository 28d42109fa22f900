import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { MyPremiseParamsSchema, MyPremiseSchema, MyPremisesSchema } from './my-premises.schema.js';
import { getMyPremise, listMyPremises } from './my-premises.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['my-premises'];

/** «Мой МП‑дом»: the signed-in person's premises as owner, resident or representative. */
export function myPremisesRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/me/premises',
    {
      schema: {
        tags,
        summary: 'Your premises: shares, accounts, residents, manager and open claims',
        response: { 200: MyPremisesSchema, ...DENIED },
      },
    },
    async (request) => listMyPremises(ctx, actingOf(request)),
  );

  routes.get(
    '/v1/me/premises/:premiseId',
    {
      schema: {
        tags,
        summary: 'One of your premises; any other premise is not found',
        params: MyPremiseParamsSchema,
        response: { 200: MyPremiseSchema, 400: ProblemSchema, 404: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getMyPremise(ctx, actingOf(request), request.params.premiseId),
  );
}
