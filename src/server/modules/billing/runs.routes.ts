import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { PageQuerySchema, pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  IdParamsSchema,
  ListQuerySchema,
  OrgParamsSchema,
  Period,
  ServiceCode,
} from './billing.schema.js';
import { startEpdBatch, getEpdBatch, getEpdBatchFile } from './epd-batch.service.js';
import {
  closeRun,
  createRecalculation,
  getRun,
  listRunCharges,
  listRuns,
  startRun,
} from './runs.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['billing'];

export const RunSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  houseId: z.uuid(),
  houseAddress: z.string(),
  period: z.string(),
  status: z.enum(['queued', 'running', 'draft', 'failed', 'closed']),
  accountsTotal: z.number().int(),
  accountsDone: z.number().int(),
  chargedKopecks: z.number().int(),
  penaltyKopecks: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

const ChargeSchema = z.object({
  id: z.uuid(),
  personalAccountId: z.uuid(),
  accountNumber: z.string(),
  premiseNumber: z.string(),
  service: z.string(),
  zone: z.string(),
  kind: z.string(),
  method: z.string(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  rate: z.string().nullable(),
  amountKopecks: z.coerce.number().int(),
  explanation: z.string(),
});

const BatchSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  houseId: z.uuid(),
  period: z.string(),
  status: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  fileId: z.uuid().nullable(),
  error: z.string().nullable(),
});

const RunBodySchema = z.object({ houseId: z.uuid(), period: Period }).strict();

/** Billing runs, period close, recalculations and whole-house ЕПД rendering. */
export function runsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/organisations/:orgId/billing-runs',
    {
      schema: {
        tags,
        summary:
          'Run billing of a house for a period in the background; a rerun replaces the draft',
        params: OrgParamsSchema,
        body: RunBodySchema,
        response: { 202: RunSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await startRun(ctx, actingOf(request), request.params.orgId, request.body)),
  );

  routes.get(
    '/v1/organisations/:orgId/billing-runs',
    {
      schema: {
        tags,
        summary: 'Runs of the organisation, newest period first',
        params: OrgParamsSchema,
        querystring: ListQuerySchema,
        response: { 200: pageOf(RunSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listRuns(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.get(
    '/v1/billing-runs/:id',
    {
      schema: {
        tags,
        summary: 'A run with its progress',
        params: IdParamsSchema,
        response: { 200: RunSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRun(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/billing-runs/:id/charges',
    {
      schema: {
        tags,
        summary: 'The lines of a run, each with its explanation',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(ChargeSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listRunCharges(ctx, actingOf(request), request.params.id, request.query),
  );

  routes.post(
    '/v1/billing-runs/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the period: post the draft to the ledger and freeze its readings',
        params: IdParamsSchema,
        response: { 200: RunSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => closeRun(ctx, actingOf(request), request.params.id),
  );

  routes.post(
    '/v1/organisations/:orgId/recalculations',
    {
      schema: {
        tags,
        summary: 'Order a recalculation of a closed period; it lands in the next run',
        params: OrgParamsSchema,
        body: z
          .object({
            personalAccountId: z.uuid(),
            service: ServiceCode,
            correctsPeriod: Period,
            amountKopecks: z
              .number()
              .int()
              .min(-100_000_000)
              .max(100_000_000)
              .refine((v) => v !== 0, 'not zero'),
            ground: z.string().trim().min(3).max(500),
          })
          .strict(),
        response: { 201: z.object({ id: z.uuid() }).passthrough(), ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createRecalculation(ctx, actingOf(request), request.params.orgId, request.body),
        ),
  );

  routes.post(
    '/v1/organisations/:orgId/epd-batches',
    {
      schema: {
        tags,
        summary: 'Render every ЕПД of a house for a closed period as one PDF, in the background',
        params: OrgParamsSchema,
        body: RunBodySchema,
        response: { 202: BatchSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await startEpdBatch(ctx, actingOf(request), request.params.orgId, request.body)),
  );

  routes.get(
    '/v1/epd-batches/:id',
    {
      schema: {
        tags,
        summary: 'A rendering batch with its progress',
        params: IdParamsSchema,
        response: { 200: BatchSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getEpdBatch(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/epd-batches/:id/file',
    { schema: { tags, summary: 'The batch PDF', params: IdParamsSchema } },
    async (request, reply) => {
      const { fileName, stream } = await getEpdBatchFile(ctx, actingOf(request), request.params.id);

      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(stream);
    },
  );
}
