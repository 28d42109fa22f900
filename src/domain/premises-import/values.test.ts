import { describe, expect, it } from 'vitest';

import {
  parseAccountNumber,
  parseAreaCell,
  parseCadastral,
  parseDateCell,
  parseFullName,
  parseKind,
  parseNamePart,
  parseOrganisationInn,
  parseOwnerKind,
  parsePremiseNumber,
  parseShareCell,
  parseText,
  parseWhole,
  premiseNumberKey,
  type Cell,
} from './values.js';

/** The value a cell rule read, or the code of what is wrong. */
const v = <T>(cell: Cell<T>) => (cell.ok ? cell.value : cell.code);

const TODAY = '2026-12-03';

describe('premises import cell rules', () => {
  it('should read premise kinds in Russian abbreviations, words and English', () => {
    expect(v(parseKind('кв'))).toBe('flat');
    expect(v(parseKind('Кв.'))).toBe('flat');
    expect(v(parseKind('нп'))).toBe('non_residential');
    expect(v(parseKind('Нежилое помещение'))).toBe('non_residential');
    expect(v(parseKind('м/м'))).toBe('parking');
    expect(v(parseKind('машино-место'))).toBe('parking');
    expect(v(parseKind('КЛ'))).toBe('storage');
    expect(v(parseKind('storage'))).toBe('storage');
    expect(v(parseKind('non_residential'))).toBe('non_residential');
    expect(parseKind('')).toEqual({ ok: true, value: null });
    expect(parseKind('гараж')).toEqual({
      ok: false,
      code: 'kind_unknown',
      params: { value: 'гараж' },
    });
  });

  it('should read owner kinds', () => {
    expect(v(parseOwnerKind('ФЛ'))).toBe('person');
    expect(v(parseOwnerKind('юридическое лицо'))).toBe('company');
    expect(v(parseOwnerKind('МО'))).toBe('municipality');
    expect(parseOwnerKind('инопланетянин').ok).toBe(false);
  });

  it('should read areas with a decimal comma, digit groups and exactly two places', () => {
    expect(v(parseAreaCell('45,3'))).toBe('45.30');
    expect(v(parseAreaCell('1 234,56'))).toBe('1234.56');
    expect(v(parseAreaCell('45.305'))).toBe('45.31');
    expect(v(parseAreaCell(''))).toBeNull();
    expect(parseAreaCell('0')).toMatchObject({ ok: false, code: 'area_range' });
    expect(parseAreaCell('-5')).toMatchObject({ ok: false, code: 'area_invalid' });
    expect(parseAreaCell('45 м2')).toMatchObject({ ok: false, code: 'area_invalid' });
    expect(parseAreaCell('1000000')).toMatchObject({ ok: false, code: 'area_range' });
  });

  it('should read whole numbers within their range', () => {
    expect(v(parseWhole('3', { min: 1, max: 200 }))).toBe(3);
    expect(v(parseWhole('-2', { min: -10, max: 200 }))).toBe(-2);
    expect(parseWhole('2,5', { min: 1, max: 200 })).toMatchObject({ code: 'integer_invalid' });
    expect(parseWhole('0', { min: 1, max: 200 })).toMatchObject({ code: 'integer_range' });
  });

  it('should check cadastral numbers by their format', () => {
    expect(v(parseCadastral(' 66:41:0206030:2163 '))).toBe('66:41:0206030:2163');
    expect(parseCadastral('66:41:0206030')).toMatchObject({ code: 'cadastral_invalid' });
    expect(parseCadastral('66-41-0206030-1')).toMatchObject({ code: 'cadastral_invalid' });
  });

  it('should read shares exactly, including decimals and percents', () => {
    expect(v(parseShareCell('1/2'))).toEqual({ numerator: 1, denominator: 2 });
    expect(v(parseShareCell('2/4'))).toEqual({ numerator: 1, denominator: 2 });
    expect(v(parseShareCell('1'))).toEqual({ numerator: 1, denominator: 1 });
    expect(v(parseShareCell('50%'))).toEqual({ numerator: 1, denominator: 2 });
    expect(v(parseShareCell('0,25'))).toEqual({ numerator: 1, denominator: 4 });
    expect(v(parseShareCell('1.0'))).toEqual({ numerator: 1, denominator: 1 });
    expect(parseShareCell('3/2')).toMatchObject({ code: 'share_above_one' });
    expect(parseShareCell('0')).toMatchObject({ code: 'share_zero' });
    expect(parseShareCell('0,0')).toMatchObject({ code: 'share_zero' });
    expect(parseShareCell('1,5')).toMatchObject({ code: 'share_above_one' });
    expect(parseShareCell('половина')).toMatchObject({ code: 'share_invalid' });
  });

  it('should accept only a valid ten-digit INN for an organisation', () => {
    expect(v(parseOrganisationInn('7707083893'))).toBe('7707083893');
    expect(parseOrganisationInn('7707083894')).toMatchObject({ code: 'inn_checksum' });
    expect(parseOrganisationInn('500100732259')).toMatchObject({ code: 'inn_not_organisation' });
    expect(parseOrganisationInn('12345')).toMatchObject({ code: 'inn_invalid' });
  });

  it('should accept real names and refuse formulas and symbols', () => {
    expect(v(parseNamePart('Салтыков-Щедрин'))).toBe('Салтыков-Щедрин');
    expect(v(parseNamePart("Д'Артаньян"))).toBe("Д'Артаньян");
    expect(v(parseNamePart('Ёлкина'))).toBe('Ёлкина');
    expect(parseNamePart('=HYPERLINK("http://evil.example","x")')).toMatchObject({
      code: 'name_invalid',
    });
    expect(parseNamePart('+79001234567')).toMatchObject({ code: 'name_invalid' });
    expect(parseNamePart('@SUM(1+1)')).toMatchObject({ code: 'name_invalid' });
    expect(parseNamePart('Иванов<script>')).toMatchObject({ code: 'name_invalid' });
  });

  it('should split a full name into surname, name and the rest', () => {
    expect(v(parseFullName('Иванов  Иван Иванович'))).toEqual({
      surname: 'Иванов',
      name: 'Иван',
      patronymic: 'Иванович',
    });
    expect(v(parseFullName('Мамедов Али Гусейн оглы'))).toMatchObject({
      patronymic: 'Гусейн оглы',
    });
    expect(v(parseFullName('Петров Пётр'))).toMatchObject({ patronymic: null });
    expect(parseFullName('Петров')).toMatchObject({ code: 'full_name_incomplete' });
  });

  it('should refuse control characters and overlong cells in any text', () => {
    expect(parseText('ab\u0000c', 100)).toMatchObject({ code: 'control_characters' });
    expect(parseText('ab\u202Ec', 100)).toMatchObject({ code: 'control_characters' });
    expect(parseText('x'.repeat(101), 100)).toMatchObject({ code: 'too_long' });
    expect(parseText('x'.repeat(100_000), 100)).toMatchObject({ code: 'too_long' });
    expect(v(parseText('  a \n b ', 100))).toBe('a b');
    expect(v(parseText('н/д', 100))).toBeNull();
  });

  it('should read premise numbers and fold them for matching', () => {
    expect(v(parsePremiseNumber('12А'))).toBe('12А');
    expect(parsePremiseNumber('=1+1')).toMatchObject({ code: 'number_invalid' });
    expect(premiseNumberKey('Н1')).toBe(premiseNumberKey('h1'));
    expect(premiseNumberKey('12 а')).toBe(premiseNumberKey('12А'));
  });

  it('should read dates in Russian and ISO form, refusing impossible and future ones', () => {
    expect(v(parseDateCell('05.01.2020', TODAY))).toBe('2020-01-05');
    expect(v(parseDateCell('2020-01-05', TODAY))).toBe('2020-01-05');
    expect(parseDateCell('31.02.2020', TODAY)).toMatchObject({ code: 'date_invalid' });
    expect(parseDateCell('01/05/2020', TODAY)).toMatchObject({ code: 'date_invalid' });
    expect(parseDateCell('01.01.1850', TODAY)).toMatchObject({ code: 'date_range' });
    expect(parseDateCell('04.12.2026', TODAY)).toMatchObject({ code: 'date_future' });
  });

  it('should check single account numbers and accept look-alike letters', () => {
    expect(v(parseAccountNumber('66ab123456'))).toBe('66AB123456');
    expect(v(parseAccountNumber('66 АВ 123456'))).toBe('66AB123456');
    expect(parseAccountNumber('66AB12345')).toMatchObject({ code: 'account_invalid' });
  });
});
