import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { MeetingParamsSchema, ProtocolSchema, SignSchema } from './meetings.schema.js';
import { requestSignatureCode, signProtocol } from './protocol-signing.js';
import { drawUpProtocol, openProtocol } from './protocol.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };
const tags = ['meetings'];
const REFUSED = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
  ...DENIED,
};

/** The protocol: drawn up as PDF, signed by one-time codes, forwarded when complete. */
export function protocolRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/meetings/:id/protocol',
    {
      schema: {
        tags,
        summary: 'Draw up the protocol (266/пр or 44/пр by date) with its attachments',
        params: MeetingParamsSchema,
        body: ProtocolSchema,
        response: {
          201: z.object({ number: z.string(), form: z.string(), sha256: z.string() }),
          ...REFUSED,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await drawUpProtocol(ctx, actingOf(request), request.params.id, request.body)),
  );

  routes.get(
    '/v1/meetings/:id/protocol/file',
    {
      schema: {
        tags,
        summary: 'The protocol PDF',
        params: MeetingParamsSchema,
        response: { 200: z.unknown().describe('application/pdf'), ...REFUSED },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openProtocol(ctx, actingOf(request), request.params.id);

      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.originalName, { type: 'inline' }))
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  routes.post(
    '/v1/meetings/:id/signature-codes',
    {
      schema: {
        tags,
        summary: 'Send me a one-time code to sign the protocol (designated signers)',
        params: MeetingParamsSchema,
        response: {
          201: z.object({ sentTo: z.string(), expiresAt: z.string() }),
          ...REFUSED,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await requestSignatureCode(
            ctx,
            { ...actingOf(request), ip: request.ip },
            request.params.id,
          ),
        ),
  );

  routes.post(
    '/v1/meetings/:id/signatures',
    {
      schema: {
        tags,
        summary: 'Sign the protocol with the code (simple electronic signature)',
        params: MeetingParamsSchema,
        body: SignSchema,
        response: {
          201: z.object({ role: z.string(), signedAt: z.string(), protocolComplete: z.boolean() }),
          ...REFUSED,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await signProtocol(
            ctx,
            { ...actingOf(request), ip: request.ip },
            request.params.id,
            request.body.code,
          ),
        ),
  );
}
