import {
  problemMessage,
  warningMessage,
  type Locale,
} from '../../../domain/premises-import/problems.js';
import type { ImportHeader } from '../../../domain/premises-import/columns.js';
import {
  effectsOf,
  totalsOf,
  type Effects,
  type Plan,
  type ReportRow,
  type Totals,
} from './premises-import.plan.js';
import type { SourceFile } from './premises-import.source.js';

/** The row-by-row report as the API answers it, messages in the caller's language. */

export type ImportStatus = 'preview' | 'imported' | 'refused';

export type PresentedRow = Omit<ReportRow, 'problems' | 'warnings'> & {
  problems: { field: string | null; code: string; message: string }[];
  warnings: { field: string | null; code: string; message: string }[];
};

export type ImportReport = {
  status: ImportStatus;
  dryRun: boolean;
  house: { id: string; address: string };
  fileName: string;
  fileSha256: string;
  format: SourceFile['format'];
  encoding: SourceFile['encoding'];
  delimiter: string | null;
  headerLine: number;
  unknownColumns: string[];
  ignoredColumns: { name: string; reason: string }[];
  totals: Totals;
  effects: Effects;
  rows: PresentedRow[];
};

export type ReportInput = {
  status: ImportStatus;
  dryRun: boolean;
  house: { id: string; address: string };
  file: { name: string; sha256: string; source: SourceFile };
  header: ImportHeader;
  headerLine: number;
  rows: ReportRow[];
  plan: Plan;
};

export function presentReport(input: ReportInput, locale: Locale): ImportReport {
  const { source } = input.file;

  return {
    status: input.status,
    dryRun: input.dryRun,
    house: input.house,
    fileName: input.file.name,
    fileSha256: input.file.sha256,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    headerLine: input.headerLine,
    unknownColumns: input.header.unknown,
    ignoredColumns: input.header.ignored,
    totals: totalsOf(input.rows),
    effects: effectsOf(input.plan),
    rows: input.rows.map((row) => ({
      ...row,
      problems: row.problems.map((p) => ({
        field: p.field,
        code: p.code,
        message: problemMessage(p, locale),
      })),
      warnings: row.warnings.map((w) => ({
        field: w.field,
        code: w.code,
        message: warningMessage(w, locale),
      })),
    })),
  };
}
