import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { acceptSingleFile, readSingleFile } from '../../platform/http/single-file-upload.js';
import { actingOf } from '../access/acting.js';
import {
  ImportReportSchema,
  MeterParamsSchema,
  OrgParamsSchema,
  PhotoSchema,
} from './meters.schema.js';
import {
  authorizePhoto,
  METER_PHOTO_MAX_BYTES,
  readingPhoto,
  uploadMeterPhoto,
} from './photos.service.js';
import {
  authorizeReadingsImport,
  importReadingsFile,
  READINGS_IMPORT_MAX_BYTES,
} from './readings-import.service.js';

const FILE_ERRORS = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  422: ProblemSchema,
};

/** The meters routes that take a file: a readings import and a photo of the dial. */
export async function meterFilesRoutes(api: FastifyInstance, ctx: AppContext) {
  await api.register(async (scope) => {
    await acceptSingleFile(scope, READINGS_IMPORT_MAX_BYTES);

    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.post(
      '/v1/organisations/:orgId/reading-imports',
      {
        schema: {
          tags: ['meters'],
          summary: 'Import readings from CSV or XLSX (multipart, one file part); per-row report',
          description:
            'Columns: «Заводской номер», «Зона» (optional), «Показание», «Дата». Good rows are ' +
            'stored, bad rows are reported with their line and reason; decreases are flagged ' +
            'or refused by the organisation setting. See docs/meters.md.',
          consumes: ['multipart/form-data'],
          params: OrgParamsSchema,
          response: { 200: ImportReportSchema, ...FILE_ERRORS },
        },
      },
      async (request) => {
        const acting = actingOf(request);

        // Rights first: nobody else's upload is read.
        await authorizeReadingsImport(ctx, acting, request.params.orgId);

        const upload = await readSingleFile(request, {
          maxBytes: READINGS_IMPORT_MAX_BYTES,
          defaultName: 'readings.csv',
          sendAs: {
            ru: 'Отправьте файл показаний в формате multipart/form-data',
            en: 'Send the readings file as multipart/form-data',
          },
        });

        return importReadingsFile(
          ctx,
          acting,
          request.params.orgId,
          upload,
          requestLocale(request),
        );
      },
    );

    routes.post(
      '/v1/meters/:meterId/photos',
      {
        schema: {
          tags: ['meters'],
          summary: 'Upload a photo of the dial (JPEG, PNG or HEIC); attach it by `photoFileId`',
          consumes: ['multipart/form-data'],
          params: MeterParamsSchema,
          response: { 201: PhotoSchema, ...FILE_ERRORS },
        },
      },
      async (request, reply) => {
        const acting = actingOf(request);
        const meter = await authorizePhoto(ctx, acting, request.params.meterId);
        const upload = await readSingleFile(request, {
          maxBytes: METER_PHOTO_MAX_BYTES,
          defaultName: 'meter.jpg',
          sendAs: {
            ru: 'Отправьте фото в формате multipart/form-data',
            en: 'Send the photo as multipart/form-data',
          },
        });

        return reply.status(201).send(await uploadMeterPhoto(ctx, acting, meter, upload));
      },
    );

    routes.get(
      '/v1/meter-readings/:readingId/photo',
      {
        schema: {
          tags: ['meters'],
          summary: 'The photo attached to a reading',
          params: z.object({ readingId: z.uuid() }),
          produces: ['image/jpeg', 'image/png'],
          response: {
            200: z.unknown().describe('The photo bytes'),
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
            404: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const photo = await readingPhoto(ctx, actingOf(request), request.params.readingId);

        return reply
          .header('content-type', photo.mime)
          .header('cache-control', 'private, max-age=300')
          .send(photo.stream);
      },
    );
  });
}
