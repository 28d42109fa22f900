import type { SourceEncoding } from './registry-import.source.js';

/** A row that stops the import, with the field and the reason. */
export type ReportedProblem = {
  line: number;
  field: string;
  code: string;
  message: string;
};

/**
 * What became of one row: its object's outcome, `refused` when the row (or its object) is
 * broken, or `valid` for a good row of a file that was refused for its other rows.
 */
export type RowOutcome = {
  line: number;
  cadastralNumber: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'valid' | 'refused';
};

/** Addresses that matched no platform house; their objects are stored without a house. */
export type UnmatchedAddress = {
  address: string;
  reason: 'no_house' | 'ambiguous';
  /** The first line of each object at this address (the first 50). */
  lines: number[];
  objects: number;
};

/**
 * What an import did, or would do, with a file. A file with any broken row is refused whole
 * (`status: 'refused'`, nothing stored); otherwise every object lands in exactly one of
 * created, updated and unchanged, and every row belongs to one object.
 */
export type RegistryImportReport = {
  /** The `import_runs` row; null for a preview. */
  runId: string | null;
  status: 'imported' | 'preview' | 'refused';
  dryRun: boolean;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xml';
  encoding: SourceEncoding;
  delimiter: ';' | ',' | null;
  /** Data rows: CSV rows after the header, or `<right>` elements plus objects without one. */
  rowsRead: number;
  objectsRead: number;
  rightsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Objects whose address matched a platform house. */
  housesMatched: number;
  unmatched: UnmatchedAddress[];
  /** Every row with its outcome, the first 1000 (`rowsRead` counts them all). */
  rows: RowOutcome[];
  /** Broken rows, the first 1000 problems; `errorsTotal` counts them all. */
  errors: ReportedProblem[];
  errorsTotal: number;
  /** Lines with at least one problem. */
  rowsWithErrors: number;
  /** Columns or elements the layout does not know; their values were not read. */
  ignored: string[];
  startedAt: string;
  durationMs: number;
};

/** The report as plain text for the command line; `rows` lists every row with its outcome. */
export function describeRegistryReport(
  report: RegistryImportReport,
  options: { rows?: boolean } = {},
): string {
  const how = [
    report.format.toUpperCase(),
    report.encoding,
    report.delimiter ? `"${report.delimiter}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const verb = {
    imported: 'imported',
    preview: 'previewed (dry run, nothing stored)',
    refused: 'refused',
  }[report.status];
  const lines = [
    `${verb} ${report.fileName} (${how}) in ${(report.durationMs / 1000).toFixed(1)} s`,
    `  rows read      ${report.rowsRead}`,
    `  objects        ${report.objectsRead} (${report.rightsRead} rights)`,
    `  created        ${report.created}`,
    `  updated        ${report.updated}`,
    `  unchanged      ${report.unchanged}`,
    `  errors         ${report.errorsTotal} in ${report.rowsWithErrors} rows`,
    `  house matched  ${report.housesMatched} of ${report.objectsRead} objects`,
  ];

  if (report.ignored.length > 0) {
    lines.push(`ignored columns: ${report.ignored.join(', ')}`);
  }

  if (report.unmatched.length > 0) {
    lines.push('addresses matched to no house (objects stored without a house):');

    for (const item of report.unmatched) {
      lines.push(
        `  ${item.address} — ${item.reason === 'ambiguous' ? 'several houses fit' : 'no such house'}` +
          ` (${item.objects} objects, line ${item.lines.join(', ')})`,
      );
    }
  }

  if (options.rows) {
    lines.push('rows:');

    for (const row of report.rows) {
      lines.push(`  line ${row.line}  ${row.cadastralNumber.padEnd(22)} ${row.outcome}`);
    }

    if (report.rowsRead > report.rows.length) {
      lines.push(`  … and ${report.rowsRead - report.rows.length} more (see --json)`);
    }
  }

  if (report.errors.length > 0) {
    lines.push('broken rows (nothing was stored):');

    for (const error of report.errors) {
      lines.push(`  line ${error.line}: ${error.message}`);
    }

    if (report.errorsTotal > report.errors.length) {
      lines.push(`  … and ${report.errorsTotal - report.errors.length} more`);
    }
  }

  return `${lines.join('\n')}\n`;
}
