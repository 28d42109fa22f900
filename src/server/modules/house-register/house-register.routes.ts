import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  HouseParamsSchema,
  IdParamsSchema,
  OrgHouseSchema,
  OrgHousesQuerySchema,
  OrgParamsSchema,
  PassportSchema,
  PremiseCardSchema,
  PremiseParamsSchema,
  PremisePatchSchema,
  RegisterSchema,
} from './house-register.schema.js';
import {
  getPassport,
  getPremiseCard,
  getRegister,
  listOrgHouses,
} from './house-register.service.js';
import { managementContractsRoutes } from './management-contracts.routes.js';
import {
  OwnershipChangeBodySchema,
  OwnershipChangeResultSchema,
} from './ownership-changes.schema.js';
import { changeOwnership } from './ownership-changes.service.js';
import { personalAccountsRoutes } from './personal-accounts.routes.js';
import { editPremise } from './premise-edit.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['house-register'];

/**
 * A management organisation's register: its houses, each house's chessboard and passport,
 * premises, changes of owner, management contracts and personal accounts.
 */
export function houseRegisterRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/organisations/:orgId/houses',
    {
      schema: {
        tags,
        summary: 'The houses the organisation manages today, with premises and accounts counts',
        params: OrgParamsSchema,
        querystring: OrgHousesQuerySchema,
        response: { 200: pageOf(OrgHouseSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listOrgHouses(ctx, actingOf(request), request.params.orgId, request.query),
  );

  routes.get(
    '/v1/houses/:houseId/register',
    {
      schema: {
        tags,
        summary: 'The chessboard: premises by entrance and floor with owners and accounts',
        params: HouseParamsSchema,
        response: { 200: RegisterSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getRegister(ctx, actingOf(request), request.params.houseId),
  );

  routes.get(
    '/v1/houses/:houseId/passport',
    {
      schema: {
        tags,
        summary: 'The house passport: registry facts against the premises register',
        params: HouseParamsSchema,
        response: { 200: PassportSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getPassport(ctx, actingOf(request), request.params.houseId),
  );

  routes.get(
    '/v1/premises/:id/register-card',
    {
      schema: {
        tags,
        summary:
          'A premise as the register sees it: owners, ownership history, residents, accounts',
        params: IdParamsSchema,
        response: { 200: PremiseCardSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => getPremiseCard(ctx, actingOf(request), request.params.id),
  );

  routes.patch(
    '/v1/premises/:id',
    {
      schema: {
        tags,
        summary: "Correct a premise's number, floor, entrance, areas or cadastral number",
        params: IdParamsSchema,
        body: PremisePatchSchema,
        response: { 200: PremiseCardSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) => editPremise(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.post(
    '/v1/premises/:premiseId/ownership-changes',
    {
      schema: {
        tags,
        summary: 'Change of owner: end rights and start new ones in one step, history kept',
        params: PremiseParamsSchema,
        body: OwnershipChangeBodySchema,
        response: {
          201: PremiseCardSchema.extend({ change: OwnershipChangeResultSchema }),
          ...REFUSED,
          ...DENIED,
        },
      },
    },
    async (request, reply) => {
      const { change, card } = await changeOwnership(
        ctx,
        actingOf(request),
        request.params.premiseId,
        request.body,
      );

      return reply.status(201).send({ ...card, change });
    },
  );

  managementContractsRoutes(api, ctx);
  personalAccountsRoutes(api, ctx);
}
