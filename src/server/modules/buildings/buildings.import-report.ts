import type { RowSkip, RowWarning } from '../../../domain/registry/registry-row.js';
import type { SourceEncoding } from './buildings.import-source.js';
import type { BatchOutcome } from './buildings.import-writer.js';

export type SkippedRow = RowSkip & { line: number };

export type ImportWarning = RowWarning & { line: number; houseId: string };

/** What an import did with every row of a file: each row lands in exactly one count. */
export type ImportReport = {
  runId: string;
  fileName: string;
  fileSha256: string;
  compressed: boolean;
  encoding: SourceEncoding | null;
  /** Data rows (the header excluded), including broken ones. */
  rowsRead: number;
  created: number;
  updated: number;
  /** Same content as stored, or older than what is stored (see `outdated`). */
  unchanged: number;
  /** Rows whose LASTUPDATE is older than the stored house; part of `unchanged`. */
  outdated: number;
  skipped: number;
  /** Every skipped row with its line number and reason. */
  skippedRows: SkippedRow[];
  /** Values that were present but unusable and stored as null; the first ones in full. */
  warnings: ImportWarning[];
  warningsTotal: number;
  /** `COLUMN: issue` → how many rows. */
  warningCounts: Record<string, number>;
  organisations: { created: number; updated: number };
  /** Header columns this schema does not know; their values are kept in `houses.extra`. */
  extraColumns: string[];
  /** Header names that appear twice; the first one is read. */
  duplicateColumns: string[];
  startedAt: string;
  durationMs: number;
  rowsPerSecond: number;
};

export type ImportProgress = Pick<
  ImportReport,
  'rowsRead' | 'created' | 'updated' | 'unchanged' | 'skipped'
> & { bytesRead: number; bytesTotal: number };

// Enough to see what is wrong with a column; the counts cover the rest.
const WARNINGS_KEPT = 1000;

/** Collects counts, skipped rows and warnings while a file is read. */
export class ImportTally {
  rowsRead = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  outdated = 0;
  skippedRows: SkippedRow[] = [];
  warnings: ImportWarning[] = [];
  warningsTotal = 0;
  warningCounts: Record<string, number> = {};

  get skipped(): number {
    return this.skippedRows.length;
  }

  skip(line: number, skip: RowSkip) {
    this.skippedRows.push({ line, ...skip });
  }

  warn(line: number, houseId: number, warnings: RowWarning[]) {
    for (const warning of warnings) {
      const key = `${warning.column}: ${warning.issue}`;

      this.warningCounts[key] = (this.warningCounts[key] ?? 0) + 1;
      this.warningsTotal += 1;

      if (this.warnings.length < WARNINGS_KEPT) {
        this.warnings.push({ line, houseId: String(houseId), ...warning });
      }
    }
  }

  add(outcome: BatchOutcome) {
    this.created += outcome.created;
    this.updated += outcome.updated;
    this.unchanged += outcome.unchanged + outcome.outdated;
    this.outdated += outcome.outdated;
  }

  progress(bytesRead: number, bytesTotal: number): ImportProgress {
    return {
      rowsRead: this.rowsRead,
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      skipped: this.skipped,
      bytesRead,
      bytesTotal,
    };
  }
}
