import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { asciiFallbackName } from '../../platform/files/file-names.js';
import { DownloadQuerySchema } from '../../platform/files/files.schema.js';
import { pageOf } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { decideClaim, withdrawClaim } from './decide-claim.js';
import {
  listMyClaims,
  listMyQueues,
  listOrganisationQueue,
  openClaimFile,
} from './property-claims.service.js';
import {
  ClaimFileParamsSchema,
  ClaimParamsSchema,
  ClaimSchema,
  CreateClaimSchema,
  DecisionSchema,
  MineQuerySchema,
  QueueItemSchema,
  QueueParamsSchema,
  QueueQuerySchema,
  QueueSchema,
} from './property-claims.schema.js';
import { submitClaim } from './submit-claim.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['property-claims'];

/** Owners' claims to property, reconciled with the registry, and the queues that decide them. */
export function propertyClaimsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/property-claims',
    {
      schema: {
        tags,
        summary: 'Claim a property: reconciled with the registry, confirmed or sent to a queue',
        description:
          'Needs the standard identity level. A full match with the registry records the ' +
          'ownership at once (`confirmed`); any difference is a `conflict` with each mismatch ' +
          'named. Malformed input is refused with a precise code and stores nothing.',
        body: CreateClaimSchema,
        response: {
          201: ClaimSchema,
          400: ProblemSchema,
          409: ProblemSchema,
          413: ProblemSchema,
          415: ProblemSchema,
          422: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitClaim(ctx, actingOf(request), request.body)),
  );

  routes.get(
    '/v1/property-claims/mine',
    {
      schema: {
        tags,
        summary: 'My claims, newest first, with status, mismatches and decisions',
        querystring: MineQuerySchema,
        response: { 200: pageOf(ClaimSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listMyClaims(ctx, actingOf(request), request.query),
  );

  routes.get(
    '/v1/property-claims/queues',
    {
      schema: {
        tags,
        summary: 'The claim queues I may decide, with their open conflicts',
        response: { 200: z.array(QueueSchema), ...DENIED },
      },
    },
    async (request) => listMyQueues(ctx, actingOf(request)),
  );

  routes.post(
    '/v1/property-claims/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my own claim while it waits in a queue',
        params: ClaimParamsSchema,
        response: { 200: ClaimSchema, 404: ProblemSchema, 409: ProblemSchema, ...DENIED },
      },
    },
    async (request) => withdrawClaim(ctx, actingOf(request), request.params.id),
  );

  routes.post(
    '/v1/property-claims/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a claim in conflict, with a reason',
        params: ClaimParamsSchema,
        body: DecisionSchema,
        response: {
          200: ClaimSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) => decideClaim(ctx, actingOf(request), request.params.id, request.body),
  );

  routes.get(
    '/v1/property-claims/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: "Download a claim's scan (its owner, or whoever may decide the claim)",
        params: ClaimFileParamsSchema,
        querystring: DownloadQuerySchema,
        response: {
          200: z.unknown().describe('The file bytes, served as their sniffed content type'),
          404: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openClaimFile(
        ctx,
        actingOf(request),
        request.params.id,
        request.params.fileId,
      );

      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header(
          'content-disposition',
          contentDisposition(file.originalName, {
            type: request.query.disposition,
            fallback: asciiFallbackName(file.originalName),
          }),
        )
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  routes.get(
    '/v1/organisations/:orgId/property-claims',
    {
      schema: {
        tags,
        summary: "An organisation's queue of property claims (conflicts by default)",
        params: QueueParamsSchema,
        querystring: QueueQuerySchema,
        response: {
          200: pageOf(QueueItemSchema),
          400: ProblemSchema,
          404: ProblemSchema,
          ...DENIED,
        },
      },
    },
    async (request) =>
      listOrganisationQueue(ctx, actingOf(request), request.params.orgId, request.query),
  );
}
