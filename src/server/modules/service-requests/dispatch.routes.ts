import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { listOrganisationScripts, saveOrganisationScript } from './assistant.service.js';
import { sweepNow } from './deadline-sweep.js';
import { listExecutors, listQueue } from './request-lists.js';
import {
  ExecutorSchema,
  OrgCategoryParamsSchema,
  OrgParamsSchema,
  QueueQuerySchema,
  RequestSchema,
  ScriptBodySchema,
  ScriptSchema,
  SettingsSchema,
  SweepSchema,
  WaiverSchema,
} from './service-requests.schema.js';
import { getSettings, liftDailyLimit, saveSettings } from './settings.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ['service-requests: dispatch'];
const base = '/v1/organisations/:orgId/service-requests';

/** The organisation's side: the queue, executors, the assistant's dialogues, settings. */
export function dispatchRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    base,
    {
      schema: {
        tags,
        summary: 'The queue by house, category, status and deadline (nearest deadline first)',
        description:
          'Dispatchers and admins see every request; an executor sees the requests assigned ' +
          'to them (as does anyone with `mine=true`).',
        params: OrgParamsSchema,
        querystring: QueueQuerySchema,
        response: { 200: pageOf(RequestSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listQueue(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.get(
    `${base}/executors`,
    {
      schema: {
        tags,
        summary: 'Staff a request can be assigned to, with their open requests',
        params: OrgParamsSchema,
        response: { 200: z.array(ExecutorSchema), ...DENIED },
      },
    },
    async (request) => listExecutors(ctx, actingOf(request), request.params.orgId),
  );

  routes.get(
    `${base}/assistant`,
    {
      schema: {
        tags,
        summary: "The assistant's dialogue of every category, the organisation's or the default",
        params: OrgParamsSchema,
        response: { 200: z.array(ScriptSchema), ...DENIED },
      },
    },
    async (request) => listOrganisationScripts(ctx, actingOf(request), request.params.orgId),
  );

  routes.put(
    `${base}/assistant/:category`,
    {
      schema: {
        tags,
        summary: "Save the organisation's dialogue for a category",
        params: OrgCategoryParamsSchema,
        body: ScriptBodySchema,
        response: { 200: ScriptSchema, 400: ProblemSchema, 422: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      saveOrganisationScript(
        ctx,
        actingOf(request),
        request.params.orgId,
        request.params.category,
        request.body,
      ),
  );

  routes.get(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'The repair term and the head of dispatch who receives escalations',
        params: OrgParamsSchema,
        response: { 200: SettingsSchema, ...DENIED },
      },
    },
    async (request) => getSettings(ctx, actingOf(request), request.params.orgId),
  );

  routes.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Save the repair term (at most P45D) and the head of dispatch',
        params: OrgParamsSchema,
        body: SettingsSchema,
        response: { 200: SettingsSchema, 400: ProblemSchema, 422: ProblemSchema, ...DENIED },
      },
    },
    async (request) => saveSettings(ctx, actingOf(request), request.params.orgId, request.body),
  );

  routes.post(
    `${base}/limit-waivers`,
    {
      schema: {
        tags,
        summary: 'Lift the daily limit of identical requests for a person until a date (C24)',
        params: OrgParamsSchema,
        body: WaiverSchema,
        response: { 200: WaiverSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => liftDailyLimit(ctx, actingOf(request), request.params.orgId, request.body),
  );

  routes.post(
    `${base}/deadline-sweep`,
    {
      schema: {
        tags,
        summary: 'Send due reminders and escalate overdue requests now (runs every minute anyway)',
        params: OrgParamsSchema,
        response: { 200: SweepSchema, ...DENIED },
      },
    },
    async (request) => sweepNow(ctx, actingOf(request), request.params.orgId),
  );
}
