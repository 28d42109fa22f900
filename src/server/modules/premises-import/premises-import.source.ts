import path from 'node:path';

import { parse, type CsvError, type Info } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';

import type { SourceRow } from '../../../domain/premises-import/row.js';
import { AppError } from '../../platform/errors.js';
import { checkZipSize } from './zip-size.js';

/**
 * Turns the bytes of an uploaded import file into rows of text cells. What the file is comes
 * from its content, never its name: an XLSX renamed to .csv or a PDF named .xlsx is refused
 * with what it really is.
 */

export type ImportFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';

export type SourceFile = {
  format: ImportFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
  rows: SourceRow[];
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

const EXTENSIONS: Record<string, ImportFormat> = { csv: 'csv', txt: 'csv', xlsx: 'xlsx' };
const LABELS: Record<ImportFormat, string> = { csv: 'CSV', xlsx: 'XLSX' };
const SNIFF_BYTES = 64 * 1024;

const unsupported = (ru: string, en: string, extra: Record<string, unknown> = {}) =>
  new AppError('unsupported_media_type', {
    detail: { ru, en },
    extra: { allowedTypes: [CSV_MIME, XLSX_MIME], ...extra },
  });

/** What the bytes are: CSV text or an XLSX workbook; anything else is refused with its name. */
export async function sniffImportFile(bytes: Buffer, fileName: string): Promise<ImportFormat> {
  if (bytes.length === 0) {
    throw new AppError('empty_file');
  }

  const sniffed = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
  let format: ImportFormat;

  if (sniffed?.ext === 'xlsx') {
    format = 'xlsx';
  } else if (sniffed?.ext === 'cfb' || sniffed?.ext === 'xls') {
    throw unsupported(
      'Это книга старого формата Excel 97–2003 (.xls); сохраните её как .xlsx или CSV',
      'This is an old Excel 97–2003 workbook (.xls); save it as .xlsx or CSV',
      { detectedType: sniffed.mime },
    );
  } else if (sniffed && !isUtf16(bytes)) {
    throw unsupported(
      `По содержимому это ${sniffed.ext.toUpperCase()} (${sniffed.mime}); принимаются только CSV и XLSX`,
      `The content is ${sniffed.ext.toUpperCase()} (${sniffed.mime}); only CSV and XLSX are accepted`,
      { detectedType: sniffed.mime },
    );
  } else if (!isUtf16(bytes) && bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw unsupported(
      'Файл двоичный и не распознан; принимаются только CSV и XLSX',
      'The file is binary and not recognised; only CSV and XLSX are accepted',
    );
  } else {
    format = 'csv';
  }

  const extension = path.extname(fileName).slice(1).toLowerCase();
  const named = EXTENSIONS[extension];

  if (named && named !== format) {
    throw new AppError('file_type_mismatch', {
      detail: {
        ru: `Файл назван «.${extension}», но по содержимому это ${LABELS[format]}`,
        en: `The file is named .${extension} but its content is ${LABELS[format]}`,
      },
      extra: { detectedType: format === 'csv' ? CSV_MIME : XLSX_MIME, extension },
    });
  }

  return format;
}

export async function readImportFile(
  bytes: Buffer,
  format: ImportFormat,
  limits: { maxRows: number },
): Promise<SourceFile> {
  return format === 'xlsx' ? readXlsx(bytes, limits) : readCsv(bytes);
}

function isUtf16(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's «Unicode text»), or else
 * Windows-1251, as Russian Excel saves «CSV (разделители — запятые)»: Cyrillic in Windows-1251 is
 * practically never valid UTF-8, so a strict UTF-8 decode decides.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }

  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1251'), encoding: 'windows-1251' };
  }
}

/** The delimiter used most on the first lines: `;` (Russian Excel), `,` or a tab. */
export function guessDelimiter(text: string): string {
  const head = text.split(/\r\n|\n|\r/, 10).join('\n');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: head.split(d).length - 1 }));

  counts.sort((a, b) => b.n - a.n);

  return counts[0]!.n > 0 ? counts[0]!.d : ';';
}

function readCsv(bytes: Buffer): SourceFile {
  const { text, encoding } = decodeText(bytes);

  if (text.includes('\u0000')) {
    throw unsupported(
      'Файл двоичный, а не текст CSV; принимаются только CSV и XLSX',
      'The file is binary, not CSV text; only CSV and XLSX are accepted',
    );
  }

  const delimiter = guessDelimiter(text);
  const broken: SourceRow[] = [];
  // Quotes stay strict: a stray quote is reported at its line rather than silently gluing the
  // following lines into one cell.
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      const lines = error?.lines;
      const line = typeof lines === 'number' ? lines : 0;

      broken.push({ line, error: error?.message ?? 'unreadable line' });
    },
  }) as unknown as { record: string[]; info: Info }[];

  const rows: SourceRow[] = records.map(({ record, info }) => {
    // `info.lines` is where the record ends; a quoted cell may span lines.
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

    return { line: info.lines - inner, cells: record };
  });

  return {
    format: 'csv',
    encoding,
    delimiter,
    rows: [...rows, ...broken].sort((a, b) => a.line - b.line),
  };
}

// Expanded workbook size accepted: a small file that inflates to gigabytes is an attack.
const MAX_XLSX_EXPANDED = 300 * 1024 * 1024;

async function readXlsx(bytes: Buffer, limits: { maxRows: number }): Promise<SourceFile> {
  await checkZipSize(bytes, MAX_XLSX_EXPANDED);

  const workbook = new ExcelJS.Workbook();

  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new AppError('import_file_invalid', {
      detail: {
        ru: 'Книгу XLSX не удалось прочитать: файл повреждён или защищён паролем',
        en: 'The XLSX workbook cannot be read: the file is damaged or password-protected',
      },
      cause,
    });
  }

  const sheet = workbook.worksheets[0];
  const rows: SourceRow[] = [];

  if (!sheet) {
    return { format: 'xlsx', encoding: null, delimiter: null, rows };
  }

  // The header and a few title rows come on top of the data rows.
  const lastRow = Math.min(sheet.rowCount, limits.maxRows + 20);
  const width = sheet.columnCount;

  for (let line = 1; line <= lastRow; line += 1) {
    const row = sheet.getRow(line);
    const cells: string[] = [];
    const marks: { position: number; kind: 'date' | 'formula' }[] = [];

    for (let column = 1; column <= width; column += 1) {
      const cell = cellText(row.getCell(column));

      cells.push(cell.text);

      if (cell.mark) {
        marks.push({ position: column - 1, kind: cell.mark });
      }
    }

    rows.push({ line, cells, ...(marks.length ? { marks } : {}) });
  }

  if (sheet.rowCount > lastRow) {
    // One row past the limit is enough for the table to refuse the file with the limit named.
    rows.push({ line: lastRow + 1, cells: ['…'] });
  }

  return { format: 'xlsx', encoding: null, delimiter: null, rows };
}

type CellValue = ExcelJS.CellValue;

/**
 * A cell as text, the way Excel stores it: numbers in full precision, dates as ISO dates marked
 * as dates, a formula by its saved result, a merged cell by its top-left cell's value.
 */
function cellText(cell: ExcelJS.Cell): { text: string; mark?: 'date' | 'formula' } {
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;

  return valueText(source.value);
}

function valueText(value: CellValue): { text: string; mark?: 'date' | 'formula' } {
  if (value === null || value === undefined) {
    return { text: '' };
  }

  if (value instanceof Date) {
    return { text: value.toISOString().slice(0, 10), mark: 'date' };
  }

  if (typeof value !== 'object') {
    return { text: String(value) };
  }

  if ('richText' in value) {
    return { text: value.richText.map((part) => part.text).join('') };
  }

  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;

    if (result === undefined || result === null) {
      return { text: '', mark: 'formula' };
    }

    return valueText(result as CellValue);
  }

  if ('error' in value) {
    return { text: String(value.error) };
  }

  if ('text' in value) {
    return { text: typeof value.text === 'string' ? value.text : '' };
  }

  return { text: '' };
}
