import { Readable } from 'node:stream';

import { parse } from 'csv-parse';

import type { AppContext, ServiceContext } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { authorize } from '../access/authorize.js';
import { actor, type Acting } from '../house-register/acting.js';
import {
  guessDelimiter,
  readImportFile,
  sniffImportFile,
} from '../premises-import/premises-import.source.js';
import { runReadingsImport, type ImportLine } from './readings-import.engine.js';
import { findSettings } from './settings.repo.js';

export const READINGS_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 200_000;

export async function authorizeReadingsImport(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
) {
  await authorize(ctx, acting.user, 'readings.import', { organisationId });
}

/**
 * A staff import of an uploaded CSV or XLSX file (the premises importer's reader: content
 * sniffing, encodings, zip-bomb guard). Good rows land, bad ones are reported by line.
 */
export async function importReadingsFile(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  upload: { bytes: Buffer; fileName: string },
  locale: Locale,
) {
  const format = await sniffImportFile(upload.bytes, upload.fileName);
  const source = await readImportFile(upload.bytes, format, { maxRows: MAX_ROWS });
  const settings = await findSettings(ctx.db, organisationId);

  return ctx.db.transaction(async (tx) => {
    const report = await runReadingsImport(tx, {
      organisationId,
      settings,
      lines: source.rows as ImportLine[],
      fileName: upload.fileName,
      personId: actor(acting).personId,
      locale,
    });

    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'meter_readings.imported',
      objectType: 'meter_reading_import',
      objectId: report.id,
      requestId: acting.requestId,
      after: { fileName: upload.fileName, ...report, problems: report.problems.length },
    });

    return report;
  });
}

/**
 * Streams a large CSV (the benchmark's million rows, or a CLI import) without holding it in
 * memory: lines are parsed as they arrive and stored in batches.
 */
export async function importReadingsCsvStream(
  ctx: ServiceContext,
  input: {
    organisationId: string;
    stream: Readable;
    fileName: string | null;
    personId: string | null;
  },
) {
  const settings = await findSettings(ctx.db, input.organisationId);
  const lines = csvLines(input.stream);

  return ctx.db.transaction((tx) =>
    runReadingsImport(tx, { ...input, settings, lines, locale: 'ru' }),
  );
}

async function* csvLines(stream: Readable): AsyncGenerator<ImportLine> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();

  if (first.done) {
    return;
  }

  const head = Buffer.isBuffer(first.value) ? first.value.toString('utf8') : String(first.value);
  const parser = parse({
    delimiter: guessDelimiter(head),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const rest = Readable.from(
    (async function* () {
      yield first.value;

      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    })(),
  );

  rest.pipe(parser);

  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield { line: info.lines, cells: record };
  }
}
