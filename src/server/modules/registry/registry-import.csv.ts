import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

import { readExtractHeader } from '../../../domain/registry-extract/extract-columns.js';
import type { RawExtractRow } from '../../../domain/registry-extract/extract-row.js';
import { fileProblem, type SourceRow } from './registry-import.rows.js';

type Parsed = { record: string[]; info: { lines: number } };

/**
 * `;` or `,`: whichever the header row uses more, outside quotes. Russian spreadsheets save with
 * `;` because the comma is their decimal separator.
 */
function guessDelimiter(text: string): ';' | ',' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let quoted = false;
  let semicolons = 0;
  let commas = 0;

  for (const char of firstLine) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ';') {
      semicolons += 1;
    } else if (!quoted && char === ',') {
      commas += 1;
    }
  }

  return semicolons >= commas ? ';' : ',';
}

/** The rows of a CSV extract: a header row, then one row per right. */
export function readCsvRows(text: string): {
  delimiter: ';' | ',';
  rows: SourceRow[];
  ignored: string[];
} {
  const delimiter = guessDelimiter(text);
  let records: Parsed[];

  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as Parsed[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;

      throw fileProblem(
        `the CSV is malformed near line ${line ?? '?'}: ${error.message}`,
        `CSV повреждён около строки ${line ?? '?'}: ${error.message}`,
        error,
      );
    }

    throw error;
  }

  const [first, ...data] = records;

  if (!first) {
    throw fileProblem('the file is empty: no header row', 'файл пуст: нет строки заголовка');
  }

  const header = readExtractHeader(first.record);

  if (header.missing.length > 0) {
    const missing = header.missing.join(', ');

    throw fileProblem(
      `the header lacks required columns: ${missing} (see docs/registry-import.md)`,
      `в заголовке нет обязательных столбцов: ${missing} (см. docs/registry-import.md)`,
    );
  }

  if (header.repeated.length > 0) {
    const repeated = header.repeated.join(', ');

    throw fileProblem(
      `the header names a column twice: ${repeated}`,
      `в заголовке столбец указан дважды: ${repeated}`,
    );
  }

  const rows = data.map(({ record, info }): SourceRow => {
    // `info.lines` is where the record ends; a quoted field may span lines.
    const inner = record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const line = info.lines - inner;
    const raw: RawExtractRow = {};

    for (const [field, index] of header.columns) {
      raw[field] = record[index];
    }

    return {
      line,
      objectLine: line,
      raw,
      problems:
        record.length === first.record.length ? [] : [{ field: 'row', code: 'column_count' }],
    };
  });

  return { delimiter, rows, ignored: header.unknown };
}
