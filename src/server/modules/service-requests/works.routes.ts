import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { requestAnalytics } from './analytics.service.js';
import { declareIncident, listIncidents, resolveIncident } from './incidents.service.js';
import { completeWork, listOrganisationWorks, planWork, workAct } from './planned-works.service.js';
import { OrgItemParamsSchema, OrgParamsSchema } from './service-requests.schema.js';
import {
  AnalyticsQuerySchema,
  AnalyticsSchema,
  IncidentInputSchema,
  IncidentResolveSchema,
  IncidentSchema,
  PlannedWorkCompleteSchema,
  PlannedWorkInputSchema,
  PlannedWorkSchema,
  PlannedWorksQuerySchema,
} from './works.schema.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const org = '/v1/organisations/:orgId';

/** Mass incidents, planned works with their acts, and analytics of an organisation. */
export function worksRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    `${org}/service-incidents`,
    {
      schema: {
        tags: ['service-incidents'],
        summary: 'Mass incidents of the organisation, open ones first',
        params: OrgParamsSchema,
        response: { 200: z.array(IncidentSchema), ...DENIED },
      },
    },
    async (request) => listIncidents(ctx, actingOf(request), request.params.orgId),
  );

  routes.post(
    `${org}/service-incidents`,
    {
      schema: {
        tags: ['service-incidents'],
        summary: 'Declare a mass incident: link requests and inform the affected houses',
        params: OrgParamsSchema,
        body: IncidentInputSchema,
        response: { 201: IncidentSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await declareIncident(ctx, actingOf(request), request.params.orgId, request.body)),
  );

  routes.post(
    `${org}/service-incidents/:id/resolve`,
    {
      schema: {
        tags: ['service-incidents'],
        summary: 'Resolve an incident: its linked requests are completed, residents told',
        params: OrgItemParamsSchema,
        body: IncidentResolveSchema,
        response: { 200: IncidentSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      resolveIncident(
        ctx,
        actingOf(request),
        request.params.orgId,
        request.params.id,
        request.body.note,
      ),
  );

  routes.get(
    `${org}/planned-works`,
    {
      schema: {
        tags: ['planned-works'],
        summary: 'The calendar of planned maintenance and current repairs in a period',
        params: OrgParamsSchema,
        querystring: PlannedWorksQuerySchema,
        response: { 200: z.array(PlannedWorkSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      listOrganisationWorks(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.post(
    `${org}/planned-works`,
    {
      schema: {
        tags: ['planned-works'],
        summary: 'Plan a work on a managed house; its residents are notified in advance',
        params: OrgParamsSchema,
        body: PlannedWorkInputSchema,
        response: { 201: PlannedWorkSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await planWork(ctx, actingOf(request), request.params.orgId, request.body)),
  );

  routes.post(
    `${org}/planned-works/:id/completion`,
    {
      schema: {
        tags: ['planned-works'],
        summary: 'Record a planned work as done, with what was done',
        params: OrgItemParamsSchema,
        body: PlannedWorkCompleteSchema,
        response: { 200: PlannedWorkSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      completeWork(
        ctx,
        actingOf(request),
        request.params.orgId,
        request.params.id,
        request.body.resultNote,
      ),
  );

  routes.get(
    `${org}/planned-works/:id/act`,
    {
      schema: {
        tags: ['planned-works'],
        summary: 'The act of completed works, PDF',
        params: OrgItemParamsSchema,
        response: { 200: z.unknown().describe('application/pdf'), 409: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) => {
      const act = await workAct(ctx, actingOf(request), request.params.orgId, request.params.id);

      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${act.fileName}"`)
        .send(act.bytes);
    },
  );

  routes.get(
    `${org}/service-requests/analytics`,
    {
      schema: {
        tags: ['service-requests: analytics'],
        summary: 'Requests by category and house, response and completion times, monthly trend',
        params: OrgParamsSchema,
        querystring: AnalyticsQuerySchema,
        response: { 200: AnalyticsSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      requestAnalytics(ctx, actingOf(request), request.params.orgId, request.query.months),
  );
}
