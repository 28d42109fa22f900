import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { HouseParamsSchema } from './house-register.schema.js';
import {
  ContractBodySchema,
  ContractEndBodySchema,
  ContractListSchema,
  ContractParamsSchema,
  ContractSchema,
} from './management-contracts.schema.js';
import {
  createContract,
  listContracts,
  terminateContract,
} from './management-contracts.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema };
const tags = ['house-register'];

/** Management contracts of a house: who manages it, from when and until when. */
export function managementContractsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/houses/:houseId/management-contracts',
    {
      schema: {
        tags,
        summary: 'The management contracts of a house, latest first',
        params: HouseParamsSchema,
        response: { 200: ContractListSchema, 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listContracts(ctx, actingOf(request), request.params.houseId),
  );

  routes.post(
    '/v1/houses/:houseId/management-contracts',
    {
      schema: {
        tags,
        summary: 'Register a management contract; overlapping periods are refused',
        params: HouseParamsSchema,
        body: ContractBodySchema,
        response: { 201: ContractSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createContract(ctx, actingOf(request), request.params.houseId, request.body)),
  );

  routes.post(
    '/v1/houses/:houseId/management-contracts/:id/end',
    {
      schema: {
        tags,
        summary: 'End a management contract on its last day, with the reason',
        params: ContractParamsSchema,
        body: ContractEndBodySchema,
        response: { 200: ContractSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      terminateContract(
        ctx,
        actingOf(request),
        request.params.houseId,
        request.params.id,
        request.body,
      ),
  );
}
