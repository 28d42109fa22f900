import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { castBallot, enterPaperBallot } from './cast-ballot.js';
import {
  CastBallotSchema,
  BallotParamsSchema,
  MeetingParamsSchema,
  PaperBallotSchema,
  ReceiptParamsSchema,
  ReceiptSchema,
} from './meetings.schema.js';
import { openBallotScan } from './meetings.service.js';
import { verifyReceipt } from './receipts.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['meetings'];
const ReceiptOut = z.object({
  ballotId: z.uuid(),
  receipt: z.string().describe('SHA-256 of the ballot in the chain: keep it to check the count'),
  sequence: z.number().int(),
  receivedAt: z.string(),
});
const REFUSED = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  ...DENIED,
};

/** Ballots: electronic by owners, paper entered by the administrator, and receipts. */
export function ballotsRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/meetings/:id/ballots',
    {
      schema: {
        tags,
        summary: 'Vote one share of the frozen register electronically; answers with the receipt',
        params: MeetingParamsSchema,
        body: CastBallotSchema,
        response: { 201: ReceiptOut, ...REFUSED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await castBallot(ctx, actingOf(request), request.params.id, request.body)),
  );

  routes.post(
    '/v1/meetings/:id/paper-ballots',
    {
      schema: {
        tags,
        summary: 'Enter a paper ballot with its scan (administrator), as marked',
        params: MeetingParamsSchema,
        body: PaperBallotSchema,
        response: { 201: ReceiptOut, 415: ProblemSchema, ...REFUSED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await enterPaperBallot(ctx, actingOf(request), request.params.id, request.body)),
  );

  routes.get(
    '/v1/meetings/:id/ballots/:ballotId/scan',
    {
      schema: {
        tags,
        summary: 'The scan of a paper ballot (administrator; journaled)',
        params: BallotParamsSchema,
        response: { 200: z.unknown().describe('the scan, as its sniffed type'), ...REFUSED },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openBallotScan(
        ctx,
        actingOf(request),
        request.params.id,
        request.params.ballotId,
      );

      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.originalName, { type: 'inline' }))
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  routes.get(
    '/v1/meeting-receipts/:hash',
    {
      schema: {
        tags,
        summary: 'Check a receipt: the ballot is in the chain, the chain is intact, it is counted',
        params: ReceiptParamsSchema,
        response: { 200: ReceiptSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => verifyReceipt(ctx, request.params.hash),
  );
}
