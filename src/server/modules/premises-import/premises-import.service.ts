import { createHash } from 'node:crypto';

import { fileProblemMessage, type Locale } from '../../../domain/premises-import/problems.js';
import { DEFAULT_LIMITS, readImportTable } from '../../../domain/premises-import/table.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { actor, type Acting } from '../house-register/acting.js';
import {
  authorizeOnHouse,
  requireHouse,
  type ManagedHouse,
} from '../house-register/house-manager.js';
import { writePlan } from './premises-import.commit.js';
import { evaluateImport } from './premises-import.evaluate.js';
import { presentReport, type ImportReport } from './premises-import.presenter.js';
import { readImportFile, sniffImportFile, type SourceFile } from './premises-import.source.js';

/**
 * Imports a file of premises, owners and accounts into one house the caller's organisation
 * manages. A preview (`dryRun`) judges every row and stores nothing; a real import judges the
 * file again inside one transaction and writes all of it, or nothing when any row is wrong.
 */

export const PREMISES_IMPORT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;

export type Upload = { bytes: Buffer; fileName: string };

/** The house and its managing organisation, once the caller may import into it. */
export async function authorizeImport(
  ctx: AppContext,
  acting: Acting,
  houseId: string,
): Promise<ManagedHouse & { managerId: string }> {
  const house = await requireHouse(ctx.db, houseId);

  await authorizeOnHouse(ctx, acting.user, 'premises.import', house);

  if (!house.managerId) {
    // Accounts are kept by an organisation: a house nobody manages has nobody to keep them.
    throw new AppError('conflict', {
      detail: {
        ru: 'Дом сейчас никем не управляется: импортировать помещения и счета некуда',
        en: 'Nobody manages the house now: there is no organisation to import into',
      },
    });
  }

  return { ...house, managerId: house.managerId };
}

type Judged = Awaited<ReturnType<typeof judge>>;

/** Reads the file and judges every row against what `db` stores. */
async function judge(
  db: Queryable,
  house: ManagedHouse & { managerId: string },
  upload: Upload,
  source: SourceFile,
) {
  const table = readImportTable(source.rows, {
    today: house.today,
    maxRows: DEFAULT_LIMITS.maxRows,
    defaultHouse: house.id,
  });

  if (!table.ok) {
    throw new AppError('import_file_invalid', {
      detail: {
        ru: fileProblemMessage(table.problem, 'ru'),
        en: fileProblemMessage(table.problem, 'en'),
      },
      extra: { problem: table.problem.code },
    });
  }

  const chosen = { id: house.id, address: house.address };
  const { rows, plan } = await evaluateImport(db, house.managerId, table.rows, chosen);

  return { table, rows, plan, upload };
}

export type ImportHouse = Awaited<ReturnType<typeof authorizeImport>>;

/** Imports into a house `authorizeImport` let the caller into. */
export async function importPremises(
  ctx: AppContext,
  acting: Acting,
  house: ImportHouse,
  upload: Upload,
  options: { dryRun: boolean; locale: Locale },
): Promise<ImportReport> {
  const format = await sniffImportFile(upload.bytes, upload.fileName);
  const source = await readImportFile(upload.bytes, format, { maxRows: DEFAULT_LIMITS.maxRows });
  const present = (judged: Judged, status: ImportReport['status']) =>
    presentReport(
      {
        status,
        dryRun: options.dryRun,
        house: { id: house.id, address: house.address },
        file: { name: upload.fileName, sha256: sha256(upload.bytes), source },
        header: judged.table.header,
        headerLine: judged.table.headerLine,
        rows: judged.rows,
        plan: judged.plan,
      },
      options.locale,
    );

  if (options.dryRun) {
    const judged = await judge(ctx.db, house, upload, source);

    return present(judged, judged.rows.some((r) => r.status === 'error') ? 'refused' : 'preview');
  }

  let refused: ImportReport | null = null;

  const report = await ctx.db.transaction(async (tx) => {
    // Imports into one house go one at a time, so the judged world stays the written one.
    await tx.query('SELECT id FROM houses WHERE id = $1 FOR UPDATE', [house.id]);

    const judged = await judge(tx, house, upload, source);

    if (judged.rows.some((r) => r.status === 'error')) {
      refused = present(judged, 'refused');

      return null;
    }

    const written = await writePlan(tx, judged.plan, house.managerId);

    for (const row of judged.rows) {
      row.accountNumber = written.accountNumbers.get(row.line) ?? row.accountNumber;
    }

    const result = present(judged, 'imported');

    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'premises.imported',
      objectType: 'house',
      objectId: house.id,
      requestId: acting.requestId,
      after: {
        organisationId: house.managerId,
        fileName: upload.fileName,
        fileSha256: result.fileSha256,
        totals: result.totals,
        effects: result.effects,
      },
    });

    return result;
  });

  if (refused) {
    const { totals } = refused as ImportReport;

    throw new AppError('import_file_invalid', {
      detail: {
        ru: `Файл не импортирован: ошибки в строках (${totals.error}); ничего не сохранено`,
        en: `The file was not imported: ${totals.error} rows have errors; nothing was stored`,
      },
      extra: { report: refused },
    });
  }

  return report!;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
