import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import {
  FileCheckSchema,
  VerificationParamsSchema,
  VerificationSchema,
} from './documents.schema.js';
import { readForm, requirePart } from './multipart.js';
import { checkFile, verifyLink } from './public-verification.js';

const tags = ['certificate-verification'];

/** The public side: anyone holding a certificate's link (its QR) may check it; no sign-in. */
export function verificationRoutes(routes: FastifyInstance, ctx: AppContext) {
  const api = routes.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/v1/certificate-verifications/:token',
    {
      schema: {
        tags,
        summary: 'Is the certificate authentic, current or revoked (public)',
        params: VerificationParamsSchema,
        response: { 200: VerificationSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');

      return verifyLink(ctx, request.params.token);
    },
  );

  api.post(
    '/v1/certificate-verifications/:token/checks',
    {
      schema: {
        tags,
        summary: 'Is this file the certificate as issued (multipart `file`; public)',
        params: VerificationParamsSchema,
        consumes: ['multipart/form-data'],
        response: {
          200: FileCheckSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          413: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { files } = await readForm(request);
      const file = requirePart(files, 'file');

      return checkFile(ctx, request.params.token, file.bytes, requestLocale(request));
    },
  );
}
