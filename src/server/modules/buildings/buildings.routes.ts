import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  BuildingDetailSchema,
  BuildingListQuerySchema,
  BuildingParamsSchema,
  BuildingSummarySchema,
} from './buildings.schema.js';
import { getBuilding, listBuildings } from './buildings.service.js';

/** Houses of the registry, public: anyone may look a house up by its address. */
export function buildingsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/buildings',
    {
      schema: {
        tags: ['buildings'],
        summary: 'Search houses by address words',
        querystring: BuildingListQuerySchema,
        response: { 200: pageOf(BuildingSummarySchema), 400: ProblemSchema },
      },
    },
    async (request) => listBuildings(ctx.db, request.query),
  );

  routes.get(
    '/v1/buildings/:id',
    {
      schema: {
        tags: ['buildings'],
        summary: 'Everything the registry knows about a house',
        params: BuildingParamsSchema,
        response: { 200: BuildingDetailSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => getBuilding(ctx.db, request.params.id),
  );
}
