import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { acceptSingleFile, readSingleFile } from '../../platform/http/single-file-upload.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { actingOf } from '../access/acting.js';
import { authorize } from '../access/authorize.js';
import { importRegistryExtract } from './registry-import.service.js';
import { REGISTRY_FILE_MAX_BYTES } from './registry-import.source.js';
import {
  CadastralParamsSchema,
  ImportQuerySchema,
  RegistryImportReportSchema,
  RegistryObjectSchema,
} from './registry.schema.js';
import { getRegistryObject } from './registry.service.js';

const DENIED = { 401: ProblemSchema, 403: ProblemSchema };

/**
 * The property registry's local copy: look an object up by cadastral number, import an extract.
 * Registered in its own scope so the multipart parser applies to these routes only.
 */
export async function registryRoutes(api: FastifyInstance, ctx: AppContext) {
  await api.register(async (scope) => {
    await acceptSingleFile(scope, REGISTRY_FILE_MAX_BYTES);

    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/v1/registry/objects/:cadastralNumber',
      {
        schema: {
          tags: ['registry'],
          summary: 'A registry object with its registered rights (platform operators)',
          description:
            'Answered by the configured registry adapter (`REGISTRY_ADAPTER`, the local copy of ' +
            'imported extracts by default). Reading owners’ names is journaled.',
          params: CadastralParamsSchema,
          response: {
            200: RegistryObjectSchema,
            400: ProblemSchema,
            404: ProblemSchema,
            ...DENIED,
          },
        },
      },
      async (request) => getRegistryObject(ctx, actingOf(request), request.params.cadastralNumber),
    );

    routes.post(
      '/v1/registry/imports',
      {
        schema: {
          tags: ['registry'],
          summary: 'Import a registry extract (multipart/form-data, one file part)',
          description:
            'CSV or XML as docs/registry-import.md describes, up to 50 MB. All or nothing: a ' +
            'file with any broken row stores nothing and is answered 422 with the report in ' +
            '`report`. `?dryRun=true` checks the file and answers 200 with what would change ' +
            '(or what is broken), storing nothing.',
          consumes: ['multipart/form-data'],
          querystring: ImportQuerySchema,
          response: {
            200: RegistryImportReportSchema,
            400: ProblemSchema,
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
        await authorize(ctx, acting.user, 'registry.import');

        const upload = await readSingleFile(request, {
          maxBytes: REGISTRY_FILE_MAX_BYTES,
          defaultName: 'extract',
          sendAs: {
            ru: 'Отправьте файл выписки в формате multipart/form-data',
            en: 'Send the extract as multipart/form-data',
          },
        });
        const locale = requestLocale(request);
        const report = await importRegistryExtract(ctx, upload, {
          dryRun: request.query.dryRun,
          actorUserId: acting.user!.id,
          requestId: acting.requestId,
          locale,
        });

        if (report.status === 'refused') {
          throw new AppError('import_file_invalid', {
            detail: {
              ru: `Выписка не импортирована: ошибки в строках (${report.rowsWithErrors}); ничего не сохранено`,
              en: `The extract was not imported: ${report.rowsWithErrors} rows have errors; nothing was stored`,
            },
            extra: { report },
          });
        }

        return report;
      },
    );
  });
}
