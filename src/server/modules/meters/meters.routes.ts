import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { getImbalance, getPremiseConsumption } from './consumption.service.js';
import { meterFilesRoutes } from './meter-files.routes.js';
import {
  ArchiveMeterSchema,
  ConsumptionQuerySchema,
  ConsumptionSchema,
  CreateMeterSchema,
  HouseMetersSchema,
  HouseParamsSchema,
  ImbalanceQuerySchema,
  ImbalanceSchema,
  MeterParamsSchema,
  MeterSchema,
  OrgParamsSchema,
  PremiseMetersSchema,
  PremiseParamsSchema,
  ReadingSchema,
  RemindersBodySchema,
  RemindersSchema,
  ReplaceMeterSchema,
  SettingsBodySchema,
  SettingsSchema,
  SubmitReadingSchema,
  SubmitResultSchema,
  VerificationSchema,
} from './meters.schema.js';
import {
  archiveMeter,
  createMeter,
  listHouseMeters,
  listMeterReadings,
  listPremiseMeters,
  recordVerification,
  replaceMeter,
} from './meters.service.js';
import { submitReading } from './readings.service.js';
import { registerMeterReminderJobs } from './reminders.service.js';
import { getReminderPreferences, putReminderPreferences } from './reminders.service.js';
import { getSettings, putSettings } from './settings.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['meters'];

/**
 * The meters API: meters of premises and houses, readings with every rule explained, the
 * owner's consumption, the common-house imbalance, the organisation's settings, staff imports,
 * dial photos and reminder preferences.
 */
export async function metersRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/premises/:premiseId/meters',
    {
      schema: {
        tags,
        summary: "The premise's meters with their latest readings and the reading form's period",
        params: PremiseParamsSchema,
        response: { 200: PremiseMetersSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listPremiseMeters(ctx, actingOf(request), request.params.premiseId),
  );

  routes.post(
    '/v1/premises/:premiseId/meters',
    {
      schema: {
        tags,
        summary: 'Register an individual meter of the premise with its initial values',
        params: PremiseParamsSchema,
        body: CreateMeterSchema,
        response: { 201: MeterSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMeter(
            ctx,
            actingOf(request),
            { premiseId: request.params.premiseId },
            request.body,
          ),
        ),
  );

  routes.get(
    '/v1/houses/:houseId/meters',
    {
      schema: {
        tags,
        summary: 'Every active meter of the house, individual and common, for staff entry',
        params: HouseParamsSchema,
        response: { 200: HouseMetersSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listHouseMeters(ctx, actingOf(request), request.params.houseId),
  );

  routes.post(
    '/v1/houses/:houseId/meters',
    {
      schema: {
        tags,
        summary: 'Register a common-house meter (ОДПУ) with its initial values',
        params: HouseParamsSchema,
        body: CreateMeterSchema,
        response: { 201: MeterSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMeter(
            ctx,
            actingOf(request),
            { houseId: request.params.houseId },
            request.body,
          ),
        ),
  );

  routes.get(
    '/v1/meters/:meterId/readings',
    {
      schema: {
        tags,
        summary: "The meter's readings, oldest first",
        params: MeterParamsSchema,
        response: {
          200: z.object({ items: z.array(ReadingSchema) }),
          400: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) => listMeterReadings(ctx, actingOf(request), request.params.meterId),
  );

  routes.post(
    '/v1/meters/:meterId/readings',
    {
      schema: {
        tags,
        summary: 'Submit a reading of every zone; a refusal names the rule per zone',
        description:
          'Values are strings with a comma or point. A late reading counts for the next period ' +
          '(`late: true`). `confirm.rollover` / `confirm.jump` answer the 409 problems ' +
          '`reading_rollover_unconfirmed` / `reading_jump_unconfirmed`. An expired verification ' +
          'stores the reading as not billable and returns a warning. See docs/meters.md.',
        params: MeterParamsSchema,
        body: SubmitReadingSchema,
        response: { 201: SubmitResultSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitReading(ctx, actingOf(request), request.params.meterId, request.body)),
  );

  routes.post(
    '/v1/meters/:meterId/replacement',
    {
      schema: {
        tags,
        summary: 'Replace the meter: final values of the old one, a new one with initial values',
        params: MeterParamsSchema,
        body: ReplaceMeterSchema,
        response: { 201: MeterSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await replaceMeter(ctx, actingOf(request), request.params.meterId, request.body)),
  );

  routes.post(
    '/v1/meters/:meterId/archive',
    {
      schema: {
        tags,
        summary: 'Take the meter out of use (no successor)',
        params: MeterParamsSchema,
        body: ArchiveMeterSchema,
        response: { 200: MeterSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => archiveMeter(ctx, actingOf(request), request.params.meterId, request.body),
  );

  routes.post(
    '/v1/meters/:meterId/verification',
    {
      schema: {
        tags,
        summary: 'Record a verification (поверка); the next date follows from the interval',
        params: MeterParamsSchema,
        body: VerificationSchema,
        response: { 200: MeterSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      recordVerification(ctx, actingOf(request), request.params.meterId, request.body),
  );

  routes.get(
    '/v1/premises/:premiseId/consumption',
    {
      schema: {
        tags,
        summary: "Monthly consumption of the premise against the house's average and the norm",
        params: PremiseParamsSchema,
        querystring: ConsumptionQuerySchema,
        response: { 200: ConsumptionSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      getPremiseConsumption(ctx, actingOf(request), request.params.premiseId, request.query.months),
  );

  routes.get(
    '/v1/organisations/:orgId/meter-imbalance',
    {
      schema: {
        tags,
        summary:
          'Common-house meters against the sum of the individual ones, per house and resource',
        params: OrgParamsSchema,
        querystring: ImbalanceQuerySchema,
        response: { 200: ImbalanceSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      getImbalance(ctx, actingOf(request), request.params.orgId, request.query.period),
  );

  routes.get(
    '/v1/organisations/:orgId/meter-settings',
    {
      schema: {
        tags,
        summary: "The organisation's reading window, policies and norms",
        params: OrgParamsSchema,
        response: { 200: SettingsSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getSettings(ctx, actingOf(request), request.params.orgId),
  );

  routes.put(
    '/v1/organisations/:orgId/meter-settings',
    {
      schema: {
        tags,
        summary: 'Change the reading window, the late and decrease policies, the norms',
        params: OrgParamsSchema,
        body: SettingsBodySchema,
        response: { 200: SettingsSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => putSettings(ctx, actingOf(request), request.params.orgId, request.body),
  );

  routes.get(
    '/v1/me/meter-reminders',
    {
      schema: {
        tags,
        summary: 'Which meter reminders the signed-in person receives',
        response: { 200: RemindersSchema, 401: ProblemSchema },
      },
    },
    async (request) => getReminderPreferences(ctx, actingOf(request)),
  );

  routes.put(
    '/v1/me/meter-reminders',
    {
      schema: {
        tags,
        summary: 'Turn each kind of meter reminder on or off',
        body: RemindersBodySchema,
        response: { 200: RemindersSchema, 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (request) => putReminderPreferences(ctx, actingOf(request), request.body),
  );

  await meterFilesRoutes(api, ctx);

  if (ctx.config.worker) {
    await registerMeterReminderJobs(ctx, ctx.jobs);
  }
}
