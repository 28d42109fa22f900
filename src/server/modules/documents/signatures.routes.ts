import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { verifyDetachedCms } from './cms-verification.js';
import {
  CodeSentSchema,
  ConfirmCodeBodySchema,
  DeclineBodySchema,
  DocumentDetailSchema,
  IdParamsSchema,
  SendForSignatureBodySchema,
  SignatureRequestSchema,
  SignatureRequestsQuerySchema,
} from './documents.schema.js';
import { getDocument, writableDocument } from './documents.service.js';
import {
  attachEnhancedSignature,
  presentCheck,
  SIGNATURE_MAX_BYTES,
} from './enhanced-signature.js';
import { readForm, requirePart } from './multipart.js';
import { signersOf } from './signers.js';
import { confirmSigningCode, sendSigningCode } from './simple-signature.js';
import { closeWithoutSignature, listRequests, sendForSignature } from './signing-flows.js';
import { AppError } from '../../platform/errors.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const REFUSED = { 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['signatures'];

const CheckSchema = z.object({
  verdict: z.string(),
  verdictText: z.string(),
  valid: z.boolean(),
  algorithm: z.string().nullable(),
  digestAlgorithm: z.string().nullable(),
  signingTime: z.string().nullable(),
  certificate: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      serialNumber: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    })
    .nullable(),
});

function signatureBytes(bytes: Buffer) {
  if (bytes.length === 0) {
    throw new AppError('empty_file');
  }

  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw new AppError('payload_too_large', {
      detail: { ru: 'Файл подписи больше 256 КБ', en: 'The signature file is over 256 KB' },
    });
  }

  return bytes;
}

/** ПЭП by one-time code, enhanced CMS signatures, and the organisation → owner signing flow. */
export function signaturesRoutes(routes: FastifyInstance, ctx: AppContext) {
  const api = routes.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/v1/documents/:id/signatures',
    {
      schema: {
        tags,
        summary: 'Attach a detached CMS signature (.sig/.p7s) to the current version',
        description:
          'Multipart: `signature`, and `certificate` when the signature carries none. Verified ' +
          'against the stored bytes (ГОСТ Р 34.10-2012, RSA, ECDSA); refused unless valid.',
        params: IdParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: CheckSchema, ...REFUSED, ...DENIED, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      await writableDocument(ctx, actingOf(request), request.params.id);

      const { files } = await readForm(request);
      const signature = requirePart(files, 'signature');
      const result = await attachEnhancedSignature(
        ctx,
        actingOf(request),
        request.params.id,
        {
          signature: signatureBytes(signature.bytes),
          certificate: files.get('certificate')?.bytes ?? null,
          fileName: signature.filename || 'signature.p7s',
        },
        requestLocale(request),
      );

      return reply.status(201).send(result);
    },
  );

  api.post(
    '/v1/signature-checks',
    {
      schema: {
        tags,
        summary: 'Check a detached signature against a document without storing either',
        consumes: ['multipart/form-data'],
        response: { 200: CheckSchema, 400: ProblemSchema, 401: ProblemSchema, 413: ProblemSchema },
      },
    },
    async (request) => {
      if (!request.user) {
        throw new AppError('unauthenticated');
      }

      const { files } = await readForm(request);
      const document = requirePart(files, 'document');
      const signature = requirePart(files, 'signature');
      const certificate = files.get('certificate')?.bytes;
      const check = verifyDetachedCms(signatureBytes(signature.bytes), document.bytes, {
        ...(certificate ? { extraCertificate: certificate } : {}),
      });

      return presentCheck(check, requestLocale(request));
    },
  );

  api.post(
    '/v1/documents/:id/signature-requests',
    {
      schema: {
        tags,
        summary: 'Send the organisation’s act or contract to an owner for signature',
        params: IdParamsSchema,
        body: SendForSignatureBodySchema,
        response: { 201: SignatureRequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendForSignature(ctx, actingOf(request), request.params.id, request.body)),
  );

  api.get(
    '/v1/signature-requests',
    {
      schema: {
        tags,
        summary: 'Requests addressed to me, or with `organisationId` those it sent',
        querystring: SignatureRequestsQuerySchema,
        response: { 200: pageOf(SignatureRequestSchema), 400: ProblemSchema, ...DENIED },
      },
    },
    async (request) => listRequests(ctx, actingOf(request), request.query),
  );

  api.post(
    '/v1/signature-requests/:id/codes',
    {
      schema: {
        tags,
        summary: 'Send me the one-time code that signs this document (ПЭП)',
        params: IdParamsSchema,
        response: { 201: CodeSentSchema, 429: ProblemSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendSigningCode(ctx, actingOf(request), request.params.id, request.ip)),
  );

  api.post(
    '/v1/signature-requests/:id/signatures',
    {
      schema: {
        tags,
        summary: 'Sign with the code: SHA-256, signer, time, method and code are recorded',
        params: IdParamsSchema,
        body: ConfirmCodeBodySchema,
        response: { 201: DocumentDetailSchema, 429: ProblemSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request, reply) => {
      const document = await confirmSigningCode(
        ctx,
        actingOf(request),
        request.params.id,
        request.body.code,
      );

      return reply
        .status(201)
        .send(await getDocument(ctx, actingOf(request), document!.id, requestLocale(request)));
    },
  );

  api.post(
    '/v1/signature-requests/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline to sign, with the reason',
        params: IdParamsSchema,
        body: DeclineBodySchema,
        response: { 200: SignatureRequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      closeWithoutSignature(
        ctx,
        actingOf(request),
        request.params.id,
        'declined',
        request.body.reason,
      ),
  );

  api.post(
    '/v1/signature-requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The organisation withdraws its request',
        params: IdParamsSchema,
        body: DeclineBodySchema,
        response: { 200: SignatureRequestSchema, ...REFUSED, ...DENIED },
      },
    },
    async (request) =>
      closeWithoutSignature(
        ctx,
        actingOf(request),
        request.params.id,
        'cancelled',
        request.body.reason,
      ),
  );

  api.get(
    '/v1/organisations/:orgId/document-signers',
    {
      schema: {
        tags,
        summary: 'Owners of the organisation’s houses, to address a document to',
        params: z.object({ orgId: z.uuid() }),
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: {
          200: z.array(
            z.object({
              personId: z.uuid(),
              name: z.string(),
              premiseId: z.uuid(),
              premiseLabel: z.string(),
            }),
          ),
          ...DENIED,
        },
      },
    },
    async (request) => signersOf(ctx, actingOf(request), request.params.orgId, request.query.q),
  );
}
