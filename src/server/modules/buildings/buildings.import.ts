import path from 'node:path';

import { readRegistryHeader, type RegistryHeader } from '../../../domain/registry/columns.js';
import {
  parseRegistryRow,
  skipMessage,
  type RegistryHouse,
  type RowOptions,
} from '../../../domain/registry/registry-row.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { OrganisationResolver } from '../organisations/organisations.registry.js';
import { ImportTally, type ImportProgress, type ImportReport } from './buildings.import-report.js';
import { fileProblem, openRegistrySource, type RegistrySource } from './buildings.import-source.js';
import { writeHouseBatch } from './buildings.import-writer.js';

export type { ImportProgress, ImportReport } from './buildings.import-report.js';

export type ImportOptions = {
  /** Called after every batch and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Houses per transaction. */
  batchSize?: number;
  /** IANA zone of the extract's houses and wall-clock times. */
  timeZone?: string;
};

type StoredReport = Omit<ImportReport, 'runId'>;

const DEFAULT_TIME_ZONE = 'Asia/Yekaterinburg';
const DEFAULT_BATCH = 1000;

/**
 * Imports a registry extract of the housing-disclosure portal (CSV, optionally gzipped). Every
 * data row ends up created, updated, unchanged or skipped with its line and reason; the good
 * rows land even when others are broken. Re-importing a file writes nothing; a newer extract
 * updates houses by their portal id. The run and its report are kept in `import_runs`.
 */
export async function importHouses(
  ctx: ServiceContext,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const startedAt = new Date();
  const source = await openRegistrySource(filePath);
  const tally = new ImportTally();
  const organisations = new OrganisationResolver();
  let header: RegistryHeader | null = null;

  try {
    header = await readRows(ctx, source, {
      tally,
      organisations,
      timeZone,
      batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH),
      onProgress: options.onProgress,
    });
  } catch (error) {
    const report = buildReport(filePath, source, tally, organisations, header, startedAt);

    await recordRun(ctx, report, error).catch((cause: unknown) => {
      ctx.logger.error({ err: cause }, 'could not record the failed import run');
    });
    throw error;
  }

  const built = buildReport(filePath, source, tally, organisations, header, startedAt);
  const report: ImportReport = { runId: await recordRun(ctx, built, null), ...built };
  options.onProgress?.(tally.progress(source.bytesTotal, source.bytesTotal));
  ctx.logger.info(
    {
      file: report.fileName,
      rowsRead: report.rowsRead,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      skipped: report.skipped,
      rowsPerSecond: report.rowsPerSecond,
    },
    'house registry imported',
  );

  return report;
}

type ReadContext = {
  tally: ImportTally;
  organisations: OrganisationResolver;
  timeZone: string;
  batchSize: number;
  onProgress: ImportOptions['onProgress'];
};

async function readRows(
  ctx: ServiceContext,
  source: RegistrySource,
  read: ReadContext,
): Promise<RegistryHeader> {
  const { tally } = read;
  const rowOptions: RowOptions = { timeZone: read.timeZone, maxYear: new Date().getFullYear() + 5 };
  const firstLineOf = new Map<number, number>();
  let header: RegistryHeader | null = null;
  let batch: RegistryHouse[] = [];

  const flush = async () => {
    if (batch.length > 0) {
      tally.add(await writeHouseBatch(ctx.db, batch, read.organisations, read.timeZone));
      batch = [];
    }

    read.onProgress?.(tally.progress(source.bytesRead(), source.bytesTotal));
  };

  for await (const record of source.records) {
    if (header === null) {
      header = checkHeader(record);
      continue;
    }

    tally.rowsRead += 1;

    if ('error' in record) {
      tally.skip(record.line, {
        reason: 'malformed_csv',
        houseId: null,
        message: skipMessage('malformed_csv', { error: record.error }),
      });
      continue;
    }

    const result = parseRegistryRow(header, record.fields, rowOptions);

    if (!result.ok) {
      tally.skip(record.line, result.skip);
      continue;
    }

    const { house } = result;
    const firstLine = firstLineOf.get(house.portalId);

    if (firstLine !== undefined) {
      const houseId = String(house.portalId);

      tally.skip(record.line, {
        reason: 'duplicate_house_id',
        houseId,
        message: skipMessage('duplicate_house_id', { houseId, firstLine }),
      });
      continue;
    }

    firstLineOf.set(house.portalId, record.line);
    tally.warn(record.line, house.portalId, result.warnings);
    batch.push(house);

    if (batch.length >= read.batchSize) {
      await flush();
    }
  }

  if (header === null) {
    throw fileProblem('the file is empty: no header row', 'файл пуст: нет строки заголовка');
  }

  await flush();

  return header;
}

function checkHeader(record: { line: number; fields: string[] } | { error: string }) {
  if ('error' in record) {
    throw fileProblem(
      `the header row is not readable CSV: ${record.error}`,
      `строка заголовка не читается как CSV: ${record.error}`,
    );
  }

  const header = readRegistryHeader(record.fields);

  if (header.missingRequired.length > 0) {
    const missing = header.missingRequired.join(', ');

    throw fileProblem(
      `the header lacks required columns: ${missing}`,
      `в заголовке нет обязательных столбцов: ${missing}`,
    );
  }

  return header;
}

function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('validation_failed', {
      detail: { ru: `Неизвестный часовой пояс ${timeZone}`, en: `Unknown time zone ${timeZone}` },
    });
  }

  return timeZone;
}

function buildReport(
  filePath: string,
  source: RegistrySource,
  tally: ImportTally,
  organisations: OrganisationResolver,
  header: RegistryHeader | null,
  startedAt: Date,
): StoredReport {
  const durationMs = Date.now() - startedAt.getTime();

  return {
    fileName: path.basename(filePath),
    fileSha256: source.sha256,
    compressed: source.compressed,
    encoding: source.encoding(),
    rowsRead: tally.rowsRead,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    outdated: tally.outdated,
    skipped: tally.skipped,
    skippedRows: tally.skippedRows,
    warnings: tally.warnings,
    warningsTotal: tally.warningsTotal,
    warningCounts: tally.warningCounts,
    organisations: { created: organisations.created, updated: organisations.updated },
    extraColumns: header?.extras.map((column) => column.name) ?? [],
    duplicateColumns: header?.duplicates ?? [],
    startedAt: startedAt.toISOString(),
    durationMs,
    rowsPerSecond: durationMs > 0 ? Math.round((tally.rowsRead * 1000) / durationMs) : 0,
  };
}

async function recordRun(
  ctx: ServiceContext,
  report: StoredReport,
  error: unknown,
): Promise<string> {
  const failure =
    error === null ? undefined : error instanceof Error ? error.message : 'unknown error';
  const [row] = await ctx.db.query<{ id: string }>(
    `INSERT INTO import_runs
       (kind, file_name, file_sha256, started_at, finished_at,
        rows_read, created, updated, unchanged, skipped, report)
     VALUES ('houses', $1, $2, $3, now(), $4, $5, $6, $7, $8, $9::jsonb)
     RETURNING id`,
    [
      report.fileName,
      report.fileSha256,
      report.startedAt,
      report.rowsRead,
      report.created,
      report.updated,
      report.unchanged,
      report.skipped,
      JSON.stringify(failure ? { ...report, error: failure } : report),
    ],
  );

  return row?.id ?? '';
}
