import { describe, expect, it } from 'vitest';

import { fileProblemMessage } from './problems.js';
import type { SourceRow } from './row.js';
import { readImportTable } from './table.js';

const OPTIONS = { today: '2026-12-03', maxRows: 100 };
const HEADER = ['Дом', 'Номер помещения', 'Тип помещения', 'Общая площадь'];

function source(...rows: string[][]): SourceRow[] {
  return rows.map((cells, index) => ({ line: index + 1, cells }));
}

describe('premises import table', () => {
  it('should refuse an empty file', () => {
    expect(readImportTable([], OPTIONS)).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(readImportTable(source([''], ['', '']), OPTIONS)).toMatchObject({
      problem: { code: 'empty' },
    });
  });

  it('should refuse a file with only the header', () => {
    expect(readImportTable(source(HEADER, ['', '', '', '']), OPTIONS)).toEqual({
      ok: false,
      problem: { code: 'no_rows' },
    });
  });

  it('should name the required columns a header lacks', () => {
    const table = readImportTable(source(['Дом', 'Площадь'], ['x', '1']), OPTIONS);

    expect(table).toEqual({
      ok: false,
      problem: { code: 'no_header', params: { missing: 'number,kind' } },
    });
    expect(!table.ok && fileProblemMessage(table.problem, 'ru')).toContain(
      '«Номер помещения», «Тип помещения»',
    );
    expect(!table.ok && fileProblemMessage(table.problem, 'en')).toContain(
      '"Premise number", "Kind"',
    );
  });

  it('should find the header below a title row and keep file line numbers', () => {
    const table = readImportTable(
      source(['Реестр помещений на 01.12.2026'], [], HEADER, ['Малышева 15', '1', 'кв', '40']),
      OPTIONS,
    );

    expect(table.ok && table.headerLine).toBe(3);
    expect(table.ok && table.rows.map((row) => row.line)).toEqual([4]);
  });

  it('should refuse a header with two columns meaning the same', () => {
    const table = readImportTable(
      source([...HEADER, 'Адрес'], ['a', '1', 'кв', '1', 'b']),
      OPTIONS,
    );

    expect(table).toEqual({
      ok: false,
      problem: { code: 'ambiguous_columns', params: { names: '«Дом», «Адрес»' } },
    });
  });

  it('should refuse a file above the row limit with the limit named', () => {
    const data = Array.from({ length: 101 }, (_, i) => ['Малышева 15', String(i + 1), 'кв', '40']);
    const table = readImportTable(source(HEADER, ...data), OPTIONS);

    expect(table).toEqual({ ok: false, problem: { code: 'too_many_rows', params: { max: 100 } } });
    expect(!table.ok && fileProblemMessage(table.problem, 'ru')).toBe(
      'в файле больше 100 строк; разделите его на части',
    );
    expect(readImportTable(source(HEADER, ...data.slice(0, 100)), OPTIONS).ok).toBe(true);
  });

  it('should read a hundred thousand rows within the default limit', () => {
    const data = Array.from({ length: 100_000 }, (_, i) => [
      'Малышева 15',
      String(i + 1),
      'кв',
      '40,5',
    ]);
    const table = readImportTable(source(HEADER, ...data), { ...OPTIONS, maxRows: 100_000 });

    expect(table.ok && table.rows.length).toBe(100_000);
    expect(table.ok && table.rows.every((row) => row.problems.length === 0)).toBe(true);
  });

  it('should skip blank rows between data rows', () => {
    const table = readImportTable(
      source(
        HEADER,
        ['Малышева 15', '1', 'кв', '40'],
        ['', '', '', ''],
        ['Малышева 15', '2', 'кв', '41'],
      ),
      OPTIONS,
    );

    expect(table.ok && table.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('should read rows without a house column as rows of the chosen house', () => {
    const table = readImportTable(
      source(['Номер помещения', 'Тип помещения', 'Общая площадь'], ['1', 'кв', '40', 'лишнее']),
      { ...OPTIONS, defaultHouse: 'house-1' },
    );

    expect(table.ok && table.rows[0]!.row).toBeNull();
    expect(table.ok && table.rows[0]!.problems).toMatchObject([{ code: 'extra_cells' }]);

    const clean = readImportTable(source(['Номер', 'Тип', 'Площадь'], ['2', 'кв', '40']), {
      ...OPTIONS,
      defaultHouse: 'house-1',
    });

    expect(clean.ok && clean.rows[0]!.row?.house).toBe('house-1');
  });

  it('should fill an empty house cell with the chosen house and keep a named one', () => {
    const table = readImportTable(
      source(HEADER, ['', '1', 'кв', '40'], ['Малышева 15', '2', 'кв', '40']),
      {
        ...OPTIONS,
        defaultHouse: 'house-1',
      },
    );

    expect(table.ok && table.rows.map((r) => r.row?.house)).toEqual(['house-1', 'Малышева 15']);
    expect(readImportTable(source(['Номер', 'Тип'], ['1', 'кв']), OPTIONS)).toMatchObject({
      problem: { code: 'no_header', params: { missing: 'house' } },
    });
  });
});
