import { readHeader, type ImportHeader } from './columns.js';
import type { FileProblem } from './problems.js';
import { parseImportRow, type ParsedRow, type SourceRow } from './row.js';

/**
 * Reads a whole file's rows: finds the header (a title or a blank row above it is fine), then
 * parses every data row. A file without a usable header, without data or above the row limit is
 * refused as a whole with the reason.
 */

export type ImportLimits = {
  /** Data rows accepted in one file. */
  maxRows: number;
  /** Bytes accepted in one file. */
  maxBytes: number;
};

export const DEFAULT_LIMITS: ImportLimits = { maxRows: 100_000, maxBytes: 20 * 1024 * 1024 };

// A header further down than this is not a header: the file is something else.
const HEADER_SEARCH_ROWS = 10;

export type ImportTable =
  | { ok: true; header: ImportHeader; headerLine: number; rows: ParsedRow[] }
  | { ok: false; problem: FileProblem };

export type TableOptions = {
  today: string;
  maxRows: number;
  /**
   * The house every row belongs to when the file is imported into one chosen house: the house
   * column may then be left out, and each row reads as if it named this house.
   */
  defaultHouse?: string;
};

export function readImportTable(source: Iterable<SourceRow>, options: TableOptions): ImportTable {
  let header: ImportHeader | null = null;
  let headerLine = 0;
  let best: ImportHeader | null = null;
  let looked = 0;
  let houseCell: ((row: SourceRow) => SourceRow) | null = null;
  const rows: ParsedRow[] = [];

  for (const record of source) {
    if (header === null) {
      if ('error' in record || isBlank(record.cells)) {
        continue;
      }

      const candidate = readHeader(record.cells);

      if (options.defaultHouse !== undefined) {
        candidate.missingRequired = candidate.missingRequired.filter((c) => c !== 'house');
      }

      if (candidate.missingRequired.length === 0) {
        if (candidate.ambiguous.length > 0) {
          const names = candidate.ambiguous.flatMap((clash) => clash.names.map((n) => `«${n}»`));

          return {
            ok: false,
            problem: { code: 'ambiguous_columns', params: { names: names.join(', ') } },
          };
        }

        header = candidate;
        headerLine = record.line;
        houseCell = withHouseColumn(header, options.defaultHouse);
        continue;
      }

      if (!best || known(candidate) > known(best)) {
        best = candidate;
      }

      looked += 1;

      if (looked >= HEADER_SEARCH_ROWS) {
        break;
      }

      continue;
    }

    if (!('error' in record) && isBlank(record.cells)) {
      continue;
    }

    if (rows.length >= options.maxRows) {
      return { ok: false, problem: { code: 'too_many_rows', params: { max: options.maxRows } } };
    }

    rows.push(parseImportRow(header, houseCell ? houseCell(record) : record, options));
  }

  if (header === null) {
    if (best === null) {
      return { ok: false, problem: { code: 'empty' } };
    }

    return {
      ok: false,
      problem: { code: 'no_header', params: { missing: best.missingRequired.join(',') } },
    };
  }

  if (rows.length === 0) {
    return { ok: false, problem: { code: 'no_rows' } };
  }

  return { ok: true, header, headerLine, rows };
}

/**
 * In a file imported into a chosen house, a row that leaves the house empty is in that house.
 * A header without the house column gets it added after its last named one. Null when no house
 * was chosen.
 */
function withHouseColumn(
  header: ImportHeader,
  house: string | undefined,
): ((row: SourceRow) => SourceRow) | null {
  if (house === undefined) {
    return null;
  }

  const present = header.positions.house;

  if (present !== undefined) {
    return (row) => {
      if ('error' in row || (row.cells[present] ?? '').trim() !== '') {
        return row;
      }

      const cells = [...row.cells];

      cells[present] = house;

      return { ...row, cells };
    };
  }

  const at = header.width;

  header.positions.house = at;
  header.names.house = 'Дом';
  header.width = at + 1;

  return (row) => {
    if ('error' in row) {
      return row;
    }

    const cells = [...row.cells];

    while (cells.length < at) {
      cells.push('');
    }

    cells.splice(at, 0, house);

    const marks = row.marks?.map((m) =>
      m.position >= at ? { ...m, position: m.position + 1 } : m,
    );

    return { ...row, cells, ...(marks ? { marks } : {}) };
  };
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function known(header: ImportHeader): number {
  return Object.keys(header.positions).length;
}
