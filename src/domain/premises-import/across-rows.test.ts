import { describe, expect, it } from 'vitest';

import { checkAcrossRows } from './across-rows.js';
import { readHeader } from './columns.js';
import { parseImportRow, type ParsedRow } from './row.js';

const HEADER = readHeader([
  'Дом',
  'Номер помещения',
  'Тип',
  'Общая площадь',
  'Кадастровый номер',
  'Фамилия',
  'Имя',
  'Доля',
  'ЕЛС',
  'Лицевой счёт',
  'Дата открытия счёта',
]);

function rows(...lines: string[][]): ParsedRow[] {
  return lines.map((cells, index) =>
    parseImportRow(HEADER, { line: index + 2, cells }, { today: '2026-12-03' }),
  );
}

const byHouseText = { houseKeyOf: (row: { house: string }) => row.house.toLowerCase() };
const codes = (parsed: ParsedRow[]) =>
  parsed.map((row) => row.problems.map((p) => `${p.field}:${p.code}`));

describe('premises import rules across rows', () => {
  it('should group co-owners of one premise and accept shares adding up to the whole', () => {
    const parsed = rows(
      ['Д1', '5', 'кв', '45,3', '', 'Иванов', 'Иван', '1/3', '', '', ''],
      ['Д1', '5', 'кв', '', '', 'Иванова', 'Анна', '2/3', '', '', ''],
    );
    const groups = checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)).toEqual([[], []]);
    expect(groups.size).toBe(1);
    expect([...groups.values()][0]?.facts.areaTotal).toBe('45.30');
  });

  it('should refuse shares of a premise adding up to more than the whole, on every such row', () => {
    const parsed = rows(
      ['Д1', '5', 'кв', '45,3', '', 'Иванов', 'Иван', '1/2', '', '', ''],
      ['Д1', '5', 'кв', '45,3', '', 'Иванова', 'Анна', '2/3', '', '', ''],
    );

    checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)).toEqual([['share:shares_exceed_whole'], ['share:shares_exceed_whole']]);
    expect(parsed[0]?.problems[0]?.params).toEqual({ sum: '7/6', stored: '' });
  });

  it('should count shares already recorded and not restated by the file', () => {
    const parsed = rows(['Д1', '5', 'кв', '45,3', '', 'Иванов', 'Иван', '2/3', '', '', '']);

    checkAcrossRows(parsed, {
      ...byHouseText,
      storedShares: () => [{ numerator: 1, denominator: 2 }],
    });

    expect(parsed[0]?.problems[0]).toMatchObject({
      code: 'shares_exceed_whole',
      params: { sum: '7/6', stored: '1/2' },
    });
  });

  it('should warn when the shares of a premise fall short of the whole', () => {
    const parsed = rows(['Д1', '5', 'кв', '45,3', '', 'Иванов', 'Иван', '1/2', '', '', '']);

    checkAcrossRows(parsed, byHouseText);

    expect(parsed[0]?.problems).toEqual([]);
    expect(parsed[0]?.warnings).toMatchObject([{ code: 'shares_below_whole' }]);
  });

  it('should refuse one premise described with different areas', () => {
    const parsed = rows(
      ['Д1', '5', 'кв', '45,3', '', 'Иванов', 'Иван', '1/2', '', '', ''],
      ['Д1', '5', 'кв', '54,3', '', 'Иванова', 'Анна', '1/2', '', '', ''],
    );

    checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)).toEqual([[], ['areaTotal:premise_conflict']]);
    expect(parsed[1]?.problems[0]?.params).toEqual({ first: 2, other: '45.30' });
  });

  it('should treat «12а» and «12А» as one premise but flat 5 and storage 5 as two', () => {
    const parsed = rows(
      ['Д1', '12а', 'кв', '40', '', 'Иванов', 'Иван', '1/2', '', '', ''],
      ['Д1', '12А', 'кв', '40', '', 'Петров', 'Пётр', '1/2', '', '', ''],
      ['Д1', '5', 'кл', '3', '', '', '', '', '', '', ''],
      ['Д1', '5', 'кв', '50', '', '', '', '', '', '', ''],
    );

    expect(checkAcrossRows(parsed, byHouseText).size).toBe(3);
    expect(codes(parsed)).toEqual([[], [], [], []]);
  });

  it('should refuse the same owner listed twice for one premise', () => {
    const parsed = rows(
      ['Д1', '5', 'кв', '45', '', 'Иванов', 'Иван', '1/2', '', '', ''],
      ['Д1', '5', 'кв', '45', '', 'ИВАНОВ', 'иван', '1/2', '', '', ''],
    );

    checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)[1]).toEqual(['surname:duplicate_owner']);
  });

  it('should refuse an account number or a local number used twice in the file', () => {
    const parsed = rows(
      ['Д1', '1', 'кв', '45', '', 'Иванов', 'Иван', '', '66AB123456', 'Л-1', '01.01.2020'],
      ['Д1', '2', 'кв', '45', '', 'Петров', 'Пётр', '', '66ab123456', 'л-1', '01.01.2020'],
    );

    checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)).toEqual([
      [],
      ['accountNumber:duplicate_account', 'localAccountNumber:duplicate_account'],
    ]);
  });

  it('should refuse one cadastral number on two premises', () => {
    const parsed = rows(
      ['Д1', '1', 'кв', '45', '66:41:0206030:100', '', '', '', '', '', ''],
      ['Д1', '2', 'кв', '45', '66:41:0206030:100', '', '', '', '', '', ''],
    );

    checkAcrossRows(parsed, byHouseText);

    expect(codes(parsed)).toEqual([[], ['cadastralNumber:duplicate_cadastral']]);
  });

  it('should keep premises of different houses apart and skip rows of unknown houses', () => {
    const parsed = rows(
      ['Д1', '1', 'кв', '45', '', 'Иванов', 'Иван', '1', '', '', ''],
      ['Д2', '1', 'кв', '50', '', 'Иванов', 'Иван', '1', '', '', ''],
      ['Д3', '1', 'кв', '50', '', '', '', '', '', '', ''],
    );
    const groups = checkAcrossRows(parsed, {
      houseKeyOf: (row) => (row.house === 'Д3' ? null : row.house),
    });

    expect(groups.size).toBe(2);
    expect(codes(parsed)).toEqual([[], [], []]);
  });
});
