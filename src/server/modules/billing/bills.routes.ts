import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  AccountParamsSchema,
  BillParamsSchema,
  IdParamsSchema,
  OrgParamsSchema,
} from './billing.schema.js';
import {
  getBill,
  getBillPdf,
  listBills,
  listLedger,
  listMyBillingAccounts,
} from './bills.service.js';
import { listDebtors, reverseEntry } from './ledger.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['bills'];
const Open = z.object({}).passthrough();

/** The payer's side: accounts, bills (ЕПД), the ledger; the organisation's debtors. */
export function billsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/me/billing-accounts',
    {
      schema: {
        tags,
        summary: 'Accounts the signed-in person pays or lives under, with today’s balance',
        response: { 200: z.object({ items: z.array(Open) }), ...DENIED },
      },
    },
    async (request) => listMyBillingAccounts(ctx, actingOf(request)),
  );

  routes.get(
    '/v1/personal-accounts/:accountId/bills',
    {
      schema: {
        tags,
        summary: 'Billed periods of the account, newest first, with the balance today',
        params: AccountParamsSchema,
        response: { 200: Open, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listBills(ctx, actingOf(request), request.params.accountId),
  );

  routes.get(
    '/v1/personal-accounts/:accountId/bills/:period',
    {
      schema: {
        tags,
        summary: 'The ЕПД of a period as data: sections of 43/пр, each line explained, the QR',
        params: BillParamsSchema,
        response: { 200: Open, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      getBill(ctx, actingOf(request), request.params.accountId, request.params.period),
  );

  routes.get(
    '/v1/personal-accounts/:accountId/bills/:period/epd.pdf',
    {
      schema: {
        tags,
        summary: 'The ЕПД of a period as PDF, with the payment QR',
        params: BillParamsSchema,
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await getBillPdf(
        ctx,
        actingOf(request),
        request.params.accountId,
        request.params.period,
      );

      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(bytes);
    },
  );

  routes.get(
    '/v1/personal-accounts/:accountId/ledger',
    {
      schema: {
        tags,
        summary: 'Every ledger entry of the account with the running balance; reversals shown',
        params: AccountParamsSchema,
        response: { 200: Open, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listLedger(ctx, actingOf(request), request.params.accountId),
  );

  routes.post(
    '/v1/ledger-entries/:id/reversal',
    {
      schema: {
        tags,
        summary: 'Reverse a payment or recalculation with an opposite entry; nothing is edited',
        params: IdParamsSchema,
        body: z.object({ reason: z.string().trim().min(3).max(500) }).strict(),
        response: { 201: Open, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reverseEntry(ctx, actingOf(request), request.params.id, request.body.reason)),
  );

  routes.get(
    '/v1/organisations/:orgId/debtors',
    {
      schema: {
        tags,
        summary: 'Accounts in debt today, with the age of the oldest unpaid period',
        params: OrgParamsSchema,
        querystring: z.object({ houseId: z.uuid().optional() }),
        response: { 200: Open, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      listDebtors(ctx, actingOf(request), request.params.orgId, request.query.houseId),
  );
}
