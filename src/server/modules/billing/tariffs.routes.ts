import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  NormBodySchema,
  NormSchema,
  OrgParamsSchema,
  SettingsBodySchema,
  SettingsSchema,
  TariffBodySchema,
  TariffSchema,
  TariffsQuerySchema,
} from './billing.schema.js';
import { getSettings, saveSettings } from './settings.service.js';
import { createNorm, createTariff, listNorms, listTariffs } from './tariffs.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['billing'];

/** Bank details, tariffs and norms of an organisation. */
export function tariffsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/organisations/:orgId/billing-settings',
    {
      schema: {
        tags,
        summary: 'The payee bank details and billing rules of the organisation',
        params: OrgParamsSchema,
        response: { 200: SettingsSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => getSettings(ctx, actingOf(request), request.params.orgId),
  );

  routes.put(
    '/v1/organisations/:orgId/billing-settings',
    {
      schema: {
        tags,
        summary: 'Save the bank details (ИНН, БИК and account keys are checked) and rules',
        params: OrgParamsSchema,
        body: SettingsBodySchema,
        response: { 200: SettingsSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => saveSettings(ctx, actingOf(request), request.params.orgId, request.body),
  );

  routes.get(
    '/v1/organisations/:orgId/tariffs',
    {
      schema: {
        tags,
        summary: 'Tariffs of the organisation; with onDate, those in force that day',
        params: OrgParamsSchema,
        querystring: TariffsQuerySchema,
        response: {
          200: z.object({ items: z.array(TariffSchema) }),
          400: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) => listTariffs(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.post(
    '/v1/organisations/:orgId/tariffs',
    {
      schema: {
        tags,
        summary: 'A new tariff version from a date; the open version before it ends the day before',
        params: OrgParamsSchema,
        body: TariffBodySchema,
        response: { 201: TariffSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTariff(ctx, actingOf(request), request.params.orgId, request.body)),
  );

  routes.get(
    '/v1/organisations/:orgId/norms',
    {
      schema: {
        tags,
        summary: 'Consumption norms used without a meter or a reading',
        params: OrgParamsSchema,
        response: { 200: z.object({ items: z.array(NormSchema) }), ...DENIED },
      },
    },
    async (request) => listNorms(ctx, actingOf(request), request.params.orgId),
  );

  routes.post(
    '/v1/organisations/:orgId/norms',
    {
      schema: {
        tags,
        summary: 'A new norm version from a date',
        params: OrgParamsSchema,
        body: NormBodySchema,
        response: { 201: NormSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createNorm(ctx, actingOf(request), request.params.orgId, request.body)),
  );
}
