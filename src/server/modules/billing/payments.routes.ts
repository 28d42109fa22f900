import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { acceptSingleFile, readSingleFile } from '../../platform/http/single-file-upload.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { authorize } from '../access/authorize.js';
import { AccountParamsSchema, IdParamsSchema, OrgParamsSchema, Period } from './billing.schema.js';
import {
  getOnlinePayment,
  handleAcquirerCallback,
  startOnlinePayment,
} from './online-payments.service.js';
import { onlinePaymentReceipt } from './receipt-pdf.js';
import {
  getRegistry,
  importRegistry,
  listRegistries,
  listUnmatched,
  matchLineManually,
} from './registries.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['payments'];
const Open = z.object({}).passthrough();
const Page = z.object({
  items: z.array(Open),
  total: z.number(),
  page: z.number(),
  limit: z.number(),
});

/** Online payments through the acquirer, and bank registries with the unmatched queue. */
export async function paymentsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/personal-accounts/:accountId/online-payments',
    {
      schema: {
        tags,
        summary: 'Start paying online: answers the acquirer page to send the payer to',
        params: AccountParamsSchema,
        body: z.object({ amountKopecks: z.number().int(), period: Period.optional() }).strict(),
        response: { 201: Open, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await startOnlinePayment(ctx, actingOf(request), request.params.accountId, request.body),
        ),
  );

  routes.get(
    '/v1/online-payments/:id',
    {
      schema: {
        tags,
        summary: 'A payment’s state (the return page polls it)',
        params: IdParamsSchema,
        response: { 200: Open, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getOnlinePayment(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/online-payments/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'The receipt of a successful online payment',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await onlinePaymentReceipt(
        ctx,
        actingOf(request),
        request.params.id,
      );

      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(bytes);
    },
  );

  // The acquirer's callback is verified over its exact bytes, so this scope keeps the raw body.
  await api.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/acquiring/:provider/callbacks',
      {
        schema: {
          tags,
          summary: 'The acquirer’s signed notification of a payment outcome (idempotent)',
          params: z.object({ provider: z.string().regex(/^[a-z0-9-]{1,30}$/) }),
          response: {
            200: z.object({ result: z.string() }),
            400: ProblemSchema,
            401: ProblemSchema,
            404: ProblemSchema,
          },
        },
      },
      async (request) =>
        handleAcquirerCallback(
          ctx,
          request.params.provider,
          request.headers,
          typeof request.body === 'string' ? request.body : '',
        ),
    );
  });

  await api.register(async (scope) => {
    await acceptSingleFile(scope, ctx.config.uploads.maxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/organisations/:orgId/payment-registries',
      {
        schema: {
          tags,
          summary:
            'Import a bank payment registry (multipart `file`): each line matched or reported',
          params: OrgParamsSchema,
          response: { 201: Open, ...REFUSED, 413: ProblemSchema, 415: ProblemSchema, ...DENIED },
        },
      },
      async (request, reply) => {
        // Rights first: an anonymous or foreign caller learns nothing from the upload's checks.
        await authorize(ctx, request.user, 'payments.manage', {
          organisationId: request.params.orgId,
        });

        const file = await readSingleFile(request, {
          maxBytes: ctx.config.uploads.maxBytes,
          defaultName: 'registry.txt',
          sendAs: {
            ru: 'Отправьте файл реестра как multipart/form-data',
            en: 'Send the registry as multipart/form-data',
          },
        });

        return reply
          .status(201)
          .send(await importRegistry(ctx, actingOf(request), request.params.orgId, file));
      },
    );
  });

  routes.get(
    '/v1/organisations/:orgId/payment-registries',
    {
      schema: {
        tags,
        summary: 'Imported registries, newest first',
        params: OrgParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: Page, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listRegistries(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.get(
    '/v1/payment-registries/:id',
    {
      schema: {
        tags,
        summary: 'A registry with every line and its outcome',
        params: IdParamsSchema,
        response: { 200: Open, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRegistry(ctx, actingOf(request), request.params.id),
  );

  routes.get(
    '/v1/organisations/:orgId/unmatched-payments',
    {
      schema: {
        tags,
        summary: 'Registry lines that named no known account, for manual matching',
        params: OrgParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: Page, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listUnmatched(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.post(
    '/v1/registry-lines/:id/match',
    {
      schema: {
        tags,
        summary: 'Book an unmatched registry line to an account (id or ЕЛС)',
        params: IdParamsSchema,
        body: z.object({ personalAccount: z.string().trim().min(1).max(64) }).strict(),
        response: { 200: Open, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      matchLineManually(ctx, actingOf(request), request.params.id, request.body.personalAccount),
  );
}
