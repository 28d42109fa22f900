import { EXTRACT_CSV_HEADER } from './extract-columns.js';
import type { RawExtractRow } from './extract-row.js';

/** RFC 4180 quoting, with `;` as the separator as Russian spreadsheets expect. */
function quote(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes rows in the documented CSV layout: UTF-8 text, `;` separated, the English header, CRLF
 * line ends. What the importer reads back is exactly what was written.
 */
export function formatExtractCsv(rows: RawExtractRow[]): string {
  const lines = [
    EXTRACT_CSV_HEADER.join(';'),
    ...rows.map((row) => EXTRACT_CSV_HEADER.map((field) => quote(row[field] ?? '')).join(';')),
  ];

  return `${lines.join('\r\n')}\r\n`;
}
