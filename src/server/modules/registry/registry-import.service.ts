import { createHash } from 'node:crypto';
import path from 'node:path';

import type { ExtractObject } from '../../../domain/registry-extract/extract-group.js';
import { formatAreaCenti } from '../../../domain/registry-extract/extract-values.js';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, type Locale } from '../../platform/errors.js';
import { snilsDigestOf } from '../access/assurance.service.js';
import { matchHouses, type HouseMatch } from './registry-import.match.js';
import { checkRows, describeProblems, rowOutcomes } from './registry-import.check.js';
import type { RegistryImportReport, UnmatchedAddress } from './registry-import.report.js';
import { readExtractFile, type ExtractSource } from './registry-import.source.js';
import {
  findStoredObjects,
  insertImportRun,
  saveObjects,
  type ObjectWrite,
  type StoredObject,
} from './registry.repo.js';

export type { RegistryImportReport } from './registry-import.report.js';

export type RegistryImportOptions = {
  /** Check the file and say what would change, storing nothing. */
  dryRun?: boolean;
  actorUserId?: string | null;
  requestId?: string | null;
  /** Language of the problem messages in the report. */
  locale?: Locale;
  /** Today's date (ISO); registry dates after it are typos. */
  today?: string;
  /**
   * Marks the objects this import creates as demo data (the extract first start loads for the
   * demo houses); objects that exist already keep their mark.
   */
  demo?: boolean;
};

type ImportContext = Pick<ServiceContext, 'db' | 'logger'> & { config: Pick<Config, 'access'> };

const LINES_KEPT = 50;

/**
 * Imports a registry extract (CSV or XML, docs/registry-import.md), all or nothing. Every row is
 * checked first; a file with any broken row stores nothing and its report names each broken row
 * with its line, field and reason. A clean file replaces the rights of every object it lists,
 * since an extract states the current rights; objects it does not list are left alone. Runs are
 * recorded in `import_runs` (kind `registry`), previews are not.
 */
export async function importRegistryExtract(
  ctx: ImportContext,
  file: { bytes: Buffer; fileName: string },
  options: RegistryImportOptions = {},
): Promise<RegistryImportReport> {
  const startedAt = new Date();
  const fileName = path.basename(file.fileName) || 'extract';
  const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
  const dryRun = options.dryRun ?? false;
  let source: ExtractSource;

  try {
    source = await readExtractFile(file.bytes, fileName);
  } catch (error) {
    if (!dryRun && error instanceof AppError) {
      await insertImportRun(ctx.db, {
        fileName,
        fileSha256,
        startedAt: startedAt.toISOString(),
        rowsRead: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        report: { status: 'refused', error: error.message },
      });
    }

    throw error;
  }

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { objects, problems } = checkRows(source, today);
  const base = {
    runId: null,
    dryRun,
    fileName,
    fileSha256,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    rowsRead: source.rows.length,
    objectsRead: objects.length,
    rightsRead: objects.reduce((n, object) => n + object.rights.length, 0),
    ignored: source.ignored,
    startedAt: startedAt.toISOString(),
  };

  if (problems.length > 0) {
    const report: RegistryImportReport = {
      ...base,
      status: 'refused',
      created: 0,
      updated: 0,
      unchanged: 0,
      housesMatched: 0,
      unmatched: [],
      ...describeProblems(problems, options.locale ?? 'en'),
      rows: rowOutcomes(source, problems, null),
      durationMs: Date.now() - startedAt.getTime(),
    };

    return dryRun ? report : { ...report, runId: await recordRun(ctx.db, report) };
  }

  const houses = await matchHouses(
    ctx.db,
    objects.map((object) => object.address),
  );
  const stored = await findStoredObjects(
    ctx.db,
    objects.map((object) => object.cadastralNumber),
  );
  const writes = objects.map((object) => ({
    ...toWrite(ctx, object, houses.get(object.address)),
    isDemo: options.demo ?? false,
  }));
  const outcomes = writes.map((write) => outcomeOf(write, stored.get(write.cadastralNumber)));
  const report: RegistryImportReport = {
    ...base,
    status: dryRun ? 'preview' : 'imported',
    created: outcomes.filter((o) => o === 'created').length,
    updated: outcomes.filter((o) => o === 'updated').length,
    unchanged: outcomes.filter((o) => o === 'unchanged').length,
    housesMatched: writes.filter((write) => write.houseId !== null).length,
    unmatched: unmatchedOf(objects, houses),
    rows: rowOutcomes(
      source,
      [],
      new Map(writes.map((write, index) => [write.cadastralNumber, outcomes[index]!])),
    ),
    errors: [],
    errorsTotal: 0,
    rowsWithErrors: 0,
    durationMs: 0,
  };

  if (dryRun) {
    return { ...report, durationMs: Date.now() - startedAt.getTime() };
  }

  return ctx.db.transaction(async (tx) => {
    const finished = { ...report, durationMs: Date.now() - startedAt.getTime() };
    const runId = await recordRun(tx, finished);
    const changed = writes.filter((_, index) => outcomes[index] !== 'unchanged');

    await saveObjects(
      tx,
      changed.map((write) => ({ ...write, importRunId: runId })),
    );
    await recordAudit(tx, {
      actorUserId: options.actorUserId ?? null,
      action: 'registry.imported',
      objectType: 'import_run',
      objectId: runId,
      requestId: options.requestId ?? null,
      after: {
        fileName,
        fileSha256,
        rowsRead: report.rowsRead,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
      },
    });
    ctx.logger.info(
      { runId, file: fileName, created: report.created, updated: report.updated },
      'registry extract imported',
    );

    return { ...finished, runId };
  });
}

function toWrite(
  ctx: ImportContext,
  object: ExtractObject,
  match: HouseMatch | undefined,
): ObjectWrite {
  return {
    cadastralNumber: object.cadastralNumber,
    address: object.address,
    houseId: match?.houseId ?? null,
    premiseNumber: object.premiseNumber,
    kind: object.kind,
    area: formatAreaCenti(object.areaCenti),
    extractedOn: object.extractedOn,
    importRunId: null,
    isDemo: false,
    rights: object.rights.map((right) => ({
      ownerKind: right.ownerKind,
      ownerName: right.ownerName,
      ownerNameKey: right.ownerNameKey,
      ownerInn: right.ownerInn,
      // Only the keyed digest is kept: it compares with identity_assurances.snils_digest.
      ownerSnilsDigest: right.ownerSnils ? snilsDigestOf(ctx, right.ownerSnils) : null,
      numerator: right.share.numerator,
      denominator: right.share.denominator,
      registrationNumber: right.registrationNumber,
      registeredOn: right.registeredOn,
    })),
  };
}

function rightsKey(rights: ObjectWrite['rights'] | StoredObject['rights']): string {
  return JSON.stringify(
    rights
      .map((r) =>
        [
          r.ownerKind,
          r.ownerName,
          r.ownerInn,
          r.ownerSnilsDigest,
          r.numerator,
          r.denominator,
          r.registrationNumber,
          r.registeredOn,
        ].join('|'),
      )
      .sort(),
  );
}

function outcomeOf(write: ObjectWrite, stored: StoredObject | undefined) {
  if (!stored) {
    return 'created' as const;
  }

  const same =
    stored.address === write.address &&
    stored.houseId === write.houseId &&
    stored.premiseNumber === write.premiseNumber &&
    stored.kind === write.kind &&
    stored.area === write.area &&
    stored.extractedOn === write.extractedOn &&
    rightsKey(stored.rights) === rightsKey(write.rights);

  return same ? ('unchanged' as const) : ('updated' as const);
}

function unmatchedOf(
  objects: ExtractObject[],
  houses: Map<string, HouseMatch>,
): UnmatchedAddress[] {
  const byHouse = new Map<string, UnmatchedAddress>();

  for (const object of objects) {
    const match = houses.get(object.address);

    if (!match || match.houseId !== null) {
      continue;
    }

    const entry = byHouse.get(match.house) ?? {
      address: match.house,
      reason: match.reason,
      lines: [],
      objects: 0,
    };

    entry.objects += 1;

    if (entry.lines.length < LINES_KEPT) {
      entry.lines.push(object.line);
    }

    byHouse.set(match.house, entry);
  }

  return [...byHouse.values()];
}

async function recordRun(
  db: Parameters<typeof insertImportRun>[0],
  report: RegistryImportReport,
): Promise<string> {
  // The run's id is what the insert returns, so the stored report leaves the empty one out.
  const stored: Partial<RegistryImportReport> = { ...report };

  delete stored.runId;

  return insertImportRun(db, {
    fileName: report.fileName,
    fileSha256: report.fileSha256,
    startedAt: report.startedAt,
    rowsRead: report.rowsRead,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    skipped: report.rowsWithErrors,
    report: stored,
  });
}
