import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  myCertificates,
  openCertificate,
  organisationCertificates,
  requestCertificate,
  revokeCertificate,
} from './certificates.service.js';
import { sendFile } from './documents.routes.js';
import {
  CertificateRequestBodySchema,
  CertificateSchema,
  DownloadQuerySchema,
  IdParamsSchema,
  RevokeBodySchema,
} from './documents.schema.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ['certificates'];

/** Certificates (справки) an owner requests and the managing organisation signs. */
export function certificatesRoutes(routes: FastifyInstance, ctx: AppContext) {
  const api = routes.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/v1/certificates',
    {
      schema: {
        tags,
        summary: 'My certificates, newest first',
        response: { 200: z.array(CertificateSchema), 401: ProblemSchema },
      },
    },
    async (request) => myCertificates(ctx, actingOf(request)),
  );

  api.post(
    '/v1/certificates',
    {
      schema: {
        tags,
        summary: 'Request a certificate: ownership, no_debt or utility_services, for a premise',
        body: CertificateRequestBodySchema,
        response: { 201: CertificateSchema, 400: ProblemSchema, 409: ProblemSchema, ...DENIED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestCertificate(ctx, actingOf(request), request.body)),
  );

  api.get(
    '/v1/certificates/:id/file',
    {
      schema: {
        tags,
        summary: 'The signed PDF (streamed)',
        params: IdParamsSchema,
        querystring: DownloadQuerySchema,
        response: { 200: z.unknown().describe('The PDF'), ...DENIED },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openCertificate(ctx, actingOf(request), request.params.id);

      return sendFile(reply, file, stream, request.query.disposition);
    },
  );

  api.post(
    '/v1/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate the organisation issued, with the reason',
        params: IdParamsSchema,
        body: RevokeBodySchema,
        response: { 200: CertificateSchema, 400: ProblemSchema, 409: ProblemSchema, ...DENIED },
      },
    },
    async (request) =>
      revokeCertificate(ctx, actingOf(request), request.params.id, request.body.reason),
  );

  api.get(
    '/v1/organisations/:orgId/certificates',
    {
      schema: {
        tags,
        summary: 'Certificates the organisation issued',
        params: z.object({ orgId: z.uuid() }),
        response: { 200: z.array(CertificateSchema), ...DENIED },
      },
    },
    async (request) => organisationCertificates(ctx, actingOf(request), request.params.orgId),
  );
}
