import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { OrgParamsSchema } from './house-register.schema.js';
import {
  AccountDetailSchema,
  AccountRefParamsSchema,
  AccountSchema,
  AccountsQuerySchema,
  CloseAccountBodySchema,
  OpenAccountBodySchema,
} from './personal-accounts.schema.js';
import {
  closeAccountBy,
  getAccount,
  listAccounts,
  openAccount,
} from './personal-accounts.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['personal-accounts'];

/** Personal accounts (лицевые счета): payer × premise × organisation, with their ЕЛС. */
export function personalAccountsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/organisations/:orgId/personal-accounts',
    {
      schema: {
        tags,
        summary: 'Accounts the organisation bills; search by ЕЛС, address or payer',
        params: OrgParamsSchema,
        querystring: AccountsQuerySchema,
        response: { 200: pageOf(AccountSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listAccounts(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.post(
    '/v1/personal-accounts',
    {
      schema: {
        tags,
        summary: 'Open an account for a payer of a premise; the ЕЛС is issued',
        body: OpenAccountBodySchema,
        response: { 201: AccountDetailSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openAccount(ctx, actingOf(request), request.body)),
  );

  routes.get(
    '/v1/personal-accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account by id or ЕЛС, with its history and the premise’s other accounts',
        params: AccountRefParamsSchema,
        response: { 200: AccountDetailSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getAccount(ctx, actingOf(request), request.params.id),
  );

  routes.post(
    '/v1/personal-accounts/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an account on a date, with the reason',
        params: AccountRefParamsSchema,
        body: CloseAccountBodySchema,
        response: { 200: AccountDetailSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => closeAccountBy(ctx, actingOf(request), request.params.id, request.body),
  );
}
