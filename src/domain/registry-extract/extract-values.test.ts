import { describe, expect, it } from 'vitest';

import {
  formatAreaCenti,
  parseAreaCenti,
  parseExtractDate,
  parseObjectKind,
  parseOwnerKind,
} from './extract-values.js';

const TODAY = '2026-12-03';

describe('parseAreaCenti', () => {
  it('should read areas with a dot or a comma and up to two decimals, exactly', () => {
    expect(parseAreaCenti('45.3')).toEqual({ ok: true, value: 4530 });
    expect(parseAreaCenti('45,30')).toEqual({ ok: true, value: 4530 });
    expect(parseAreaCenti('1 234,05')).toEqual({ ok: true, value: 123405 });
    expect(parseAreaCenti('0.01')).toEqual({ ok: true, value: 1 });
    expect(parseAreaCenti('1000000')).toEqual({ ok: true, value: 100_000_000 });
  });

  it('should refuse a third decimal, signs, exponents, words and zero', () => {
    for (const bad of ['45.301', '-4', '+4', '4e2', 'сорок', '45.', '.5', '4,5,6', '', '0x10']) {
      expect(parseAreaCenti(bad), bad).toEqual({ ok: false, problem: 'format' });
    }

    expect(parseAreaCenti('0,00')).toEqual({ ok: false, problem: 'zero' });
    expect(parseAreaCenti('1000000.01')).toEqual({ ok: false, problem: 'too_large' });
    expect(parseAreaCenti('9'.repeat(40))).toEqual({ ok: false, problem: 'format' });
  });

  it('should format hundredths back', () => {
    expect(formatAreaCenti(4530)).toBe('45.30');
    expect(formatAreaCenti(1)).toBe('0.01');
  });
});

describe('parseExtractDate', () => {
  it('should read ISO and Russian dates', () => {
    expect(parseExtractDate('2015-06-01', TODAY)).toEqual({ ok: true, value: '2015-06-01' });
    expect(parseExtractDate('01.06.2015', TODAY)).toEqual({ ok: true, value: '2015-06-01' });
    expect(parseExtractDate('29.02.2024', TODAY)).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseExtractDate(TODAY, TODAY)).toEqual({ ok: true, value: TODAY });
  });

  it('should refuse impossible, partial and foreign dates', () => {
    for (const bad of [
      '31.02.2015',
      '29.02.2023',
      '2015-13-01',
      '1.6.2015',
      '2015/06/01',
      '06/01/2015',
      '2015-06-01T00:00',
      '',
    ]) {
      expect(parseExtractDate(bad, TODAY), bad).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('should refuse the future and dates before 1900', () => {
    expect(parseExtractDate('2026-12-04', TODAY)).toEqual({ ok: false, problem: 'future' });
    expect(parseExtractDate('31.12.1899', TODAY)).toEqual({ ok: false, problem: 'too_old' });
  });
});

describe('kinds', () => {
  it('should read the registry words and the platform codes', () => {
    expect(parseObjectKind('Квартира')).toEqual({ ok: true, value: 'flat' });
    expect(parseObjectKind('  Нежилое   помещение ')).toEqual({
      ok: true,
      value: 'non_residential',
    });
    expect(parseObjectKind('Машино-место')).toEqual({ ok: true, value: 'parking' });
    expect(parseObjectKind('storage')).toEqual({ ok: true, value: 'storage' });
    expect(parseOwnerKind('Физическое лицо')).toEqual({ ok: true, value: 'person' });
    expect(parseOwnerKind('ЮРИДИЧЕСКОЕ ЛИЦО')).toEqual({ ok: true, value: 'company' });
    expect(parseOwnerKind('municipality')).toEqual({ ok: true, value: 'municipality' });
  });

  it('should refuse unknown words, including names of object properties', () => {
    for (const bad of ['дом', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseObjectKind(bad), bad).toEqual({ ok: false, problem: 'unknown_value' });
      expect(parseOwnerKind(bad), bad).toEqual({ ok: false, problem: 'unknown_value' });
    }
  });
});
