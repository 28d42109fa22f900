import fastifyMultipart from '@fastify/multipart';
import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import '../http/auth-types.js';
import { ProblemSchema } from '../http/problem-schema.js';
import { asciiFallbackName } from './file-names.js';
import { presentStoredFile } from './files.presenter.js';
import { DownloadQuerySchema, FileParamsSchema, StoredFileSchema } from './files.schema.js';
import { getReadableFile, openStoredFile, storeUpload } from './files.service.js';

/**
 * `POST /api/v1/files` (multipart, one part holding the file) and `GET /api/v1/files/:id`.
 * Registered in its own scope so the multipart parser applies to these routes only.
 */
export async function filesRoutes(api: FastifyInstance, ctx: AppContext) {
  await api.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // One byte over the limit reaches storeUpload, which refuses it with a clear 413; the
      // parser's own limits only stop abuse of the envelope (many parts, huge headers).
      limits: {
        fileSize: ctx.config.uploads.maxBytes + 1,
        files: 1,
        fields: 10,
        fieldSize: 1024,
        parts: 20,
        headerPairs: 100,
      },
    });

    // requires sign-in: the sessions module resolves `request.user` before this hook runs.
    scope.addHook('onRequest', async (request) => {
      if (!request.user) {
        throw new AppError('unauthenticated');
      }
    });

    // A refused upload is answered while the client is still sending. Closing the connection
    // after the answer spares reading the rest; left open, it would hang with unread bytes.
    scope.addHook('onError', async (request, reply) => {
      if (!request.raw.complete) {
        reply.header('connection', 'close');
      }
    });

    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.post(
      '/v1/files',
      {
        schema: {
          tags: ['files'],
          summary: 'Upload a file (multipart/form-data, one file part)',
          description:
            'The type is sniffed from the content: PDF, JPEG or PNG up to the configured size ' +
            '(5 MB by default). A file whose name or declared type disagrees with its content ' +
            'is refused with `file_type_mismatch`.',
          consumes: ['multipart/form-data'],
          response: {
            201: StoredFileSchema,
            400: ProblemSchema,
            401: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', {
            detail: {
              ru: 'Отправьте файл в формате multipart/form-data',
              en: 'Send the file as multipart/form-data',
            },
          });
        }

        const part = await request.file();

        if (!part) {
          throw new AppError('validation_failed', {
            errors: [{ field: 'file', rule: 'required', message: 'a file part is required' }],
          });
        }

        const stored = await storeUpload(ctx, {
          body: part.file,
          originalName: part.filename,
          declaredMime: part.mimetype,
          uploadedBy: request.user!.id,
        });

        return reply.status(201).send(presentStoredFile(stored));
      },
    );

    routes.get(
      '/v1/files/:id',
      {
        schema: {
          tags: ['files'],
          summary: 'Download a stored file',
          description:
            'Streams the bytes with the sniffed content type. The uploader and platform ' +
            'administrators may read a file; to anyone else it does not exist.',
          params: FileParamsSchema,
          querystring: DownloadQuerySchema,
          response: {
            200: z.unknown().describe('The file bytes, served as their sniffed content type'),
            401: ProblemSchema,
            404: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const file = await getReadableFile(ctx, request.user!, request.params.id);
        const stream = await openStoredFile(ctx, file);

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
          .header('etag', `"${file.sha256}"`)
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff')
          .send(stream);
      },
    );
  });
}
