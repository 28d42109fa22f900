import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { toCsv } from '../../../domain/premises-import/csv-out.js';
import { templateHeader } from '../../../domain/premises-import/columns.js';
import type { AppContext } from '../../platform/context.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { acceptSingleFile, readSingleFile } from '../../platform/http/single-file-upload.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import {
  HouseParamsSchema,
  ImportQuerySchema,
  ImportReportSchema,
  TemplateQuerySchema,
} from './premises-import.schema.js';
import {
  authorizeImport,
  importPremises,
  PREMISES_IMPORT_MAX_BYTES,
} from './premises-import.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };

/**
 * Bulk import of a house's premises, owners and personal accounts from CSV or XLSX, and the
 * template to fill. Registered in its own scope so the multipart parser applies here only.
 */
export async function premisesImportRoutes(api: FastifyInstance, ctx: AppContext) {
  await api.register(async (scope) => {
    await acceptSingleFile(scope, PREMISES_IMPORT_MAX_BYTES);

    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/v1/premises-imports/template.csv',
      {
        schema: {
          tags: ['premises-import'],
          summary: 'The import template: the header row of a premises file (CSV, UTF-8)',
          description: 'Public: it holds the column names only. `?lang=en` for English names.',
          querystring: TemplateQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, `;`-separated, UTF-8 with a BOM') },
        },
      },
      async (request, reply) => {
        const locale = requestLocale(request);

        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="premises-import-${locale}.csv"`)
          .send(toCsv([templateHeader(locale)]));
      },
    );

    routes.post(
      '/v1/houses/:houseId/premises-imports',
      {
        schema: {
          tags: ['premises-import'],
          summary: 'Import premises, owners and accounts of a house (multipart, one file part)',
          description:
            'CSV (UTF-8 or Windows-1251) or XLSX as docs/premises-import.md describes, up to ' +
            '20 MB. `?dryRun=true` judges every row and stores nothing. A real import is all ' +
            'or nothing: a file with any broken row stores nothing and is answered 422 with ' +
            'the row-by-row report in `report`. Staff of the organisation managing the house.',
          consumes: ['multipart/form-data'],
          params: HouseParamsSchema,
          querystring: ImportQuerySchema,
          response: {
            200: ImportReportSchema,
            400: ProblemSchema,
            404: ProblemSchema,
            409: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            422: ProblemSchema,
            ...DENIED,
          },
        },
      },
      async (request) => {
        const acting = actingOf(request);

        // Rights first: nobody else's upload is read.
        const house = await authorizeImport(ctx, acting, request.params.houseId);
        const upload = await readSingleFile(request, {
          maxBytes: PREMISES_IMPORT_MAX_BYTES,
          defaultName: 'import',
          sendAs: {
            ru: 'Отправьте файл импорта в формате multipart/form-data',
            en: 'Send the import file as multipart/form-data',
          },
        });

        return importPremises(ctx, acting, house, upload, {
          dryRun: request.query.dryRun,
          locale: requestLocale(request),
        });
      },
    );
  });
}
