import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  OrganisationDetailSchema,
  OrganisationListQuerySchema,
  OrganisationParamsSchema,
  OrganisationSummarySchema,
} from './organisations.schema.js';
import { getOrganisation, listOrganisations } from './organisations.service.js';

/** Management organisations, ТСЖ and authorities: public directory data. */
export function organisationsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Search organisations by name',
        querystring: OrganisationListQuerySchema,
        response: { 200: pageOf(OrganisationSummarySchema), 400: ProblemSchema },
      },
    },
    async (request) => listOrganisations(ctx.db, request.query),
  );

  routes.get(
    '/v1/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'An organisation and how many houses it manages',
        params: OrganisationParamsSchema,
        response: { 200: OrganisationDetailSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => getOrganisation(ctx.db, request.params.id),
  );
}
