import { describe, expect, it } from 'vitest';

import { parseImportDate, parseImportRow, readReadingHeader } from './import-row.js';

const header = readReadingHeader(['Заводской номер', 'Зона', 'Показание', 'Дата']);
const positions = header.ok ? header.positions : ({} as never);

describe('readings import rows', () => {
  it('finds the columns by Russian or English names and names the missing ones', () => {
    expect(header.ok).toBe(true);
    expect(readReadingHeader(['serial', 'value', 'date'])).toMatchObject({ ok: true });
    expect(readReadingHeader(['Адрес', 'Квартира'])).toEqual({
      ok: false,
      missing: ['serial', 'value', 'takenOn'],
    });
  });

  it('reads zones as people write them', () => {
    expect(parseImportRow(['Э-1', 'Т1', '1250', '23.03.2026'], positions)).toMatchObject({
      ok: true,
      zone: 'day',
      takenOn: '2026-03-23',
    });
    expect(parseImportRow(['Э-1', 'ночь', '790', '2026-03-23'], positions)).toMatchObject({
      ok: true,
      zone: 'night',
    });
    expect(parseImportRow(['ХВ-1', '', '245,3', ''], positions)).toMatchObject({
      ok: true,
      zone: 'single',
      takenOn: null,
    });
  });

  it.each([
    [['', '', '1', ''], 'import_serial_missing'],
    [['X', 'T9', '1', ''], 'import_zone_unknown'],
    [['X', '', 'сто', ''], 'reading_not_a_number'],
    [['X', '', '-3', ''], 'reading_negative'],
    [['X', '', '1', '31.02.2026'], 'import_date_invalid'],
    [['X', '', '1', 'вчера'], 'import_date_invalid'],
    [['X', '', '9'.repeat(100), ''], 'reading_not_a_number'],
  ])('refuses %j as %s', (cells, code) => {
    expect(parseImportRow(cells, positions)).toEqual({ ok: false, code });
  });

  it('accepts ISO, Russian and slashed dates and nothing impossible', () => {
    expect(parseImportDate('2026-03-23T10:00:00')).toBe('2026-03-23');
    expect(parseImportDate('3/4/2026')).toBe('2026-04-03');
    expect(parseImportDate('2026-13-01')).toBeNull();
  });
});
