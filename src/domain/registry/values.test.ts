import { describe, expect, it } from 'vitest';

import {
  isMissing,
  parseArea,
  parseDecimal,
  parseFlag,
  parseInteger,
  parseText,
  parseYear,
} from './values.js';

const FLOORS = { min: 0, max: 200 };

describe('isMissing', () => {
  it('should recognise every marker the portal and people use for «nothing»', () => {
    for (const marker of [
      'Не заполнено',
      'Незаполнено',
      'НЕ ЗАПОЛНЕНО',
      '  не  заполнено ',
      '',
      '   ',
      '-',
      '—',
      '.',
      'нет данных',
      'Данные отсутствуют',
      'данные отсутствуют\u00a0',
    ]) {
      expect(isMissing(marker), marker).toBe(true);
    }

    expect(isMissing(undefined)).toBe(true);
    expect(isMissing(null)).toBe(true);
  });

  it('should keep real values, including «no» answers', () => {
    for (const value of ['0', 'Нет', 'Не имеется', 'отсутствует', 'Не присвоен', 'кирпичный']) {
      expect(isMissing(value), value).toBe(false);
    }
  });
});

describe('parseText', () => {
  it('should squeeze spaces and turn markers into null', () => {
    expect(parseText('  блочный \u00a0 дом ')).toEqual({ value: 'блочный дом' });
    expect(parseText('Не заполнено')).toEqual({ value: null });
  });
});

describe('parseInteger', () => {
  it('should read whole numbers, digit groups and zero fractions', () => {
    expect(parseInteger('5', FLOORS)).toEqual({ value: 5 });
    expect(parseInteger(' 0 ', FLOORS)).toEqual({ value: 0 });
    expect(parseInteger('1 598', { min: 0, max: 20_000 })).toEqual({ value: 1598 });
    expect(parseInteger('1\u00a0598', { min: 0, max: 20_000 })).toEqual({ value: 1598 });
    expect(parseInteger('9.0', FLOORS)).toEqual({ value: 9 });
  });

  it('should give null, never zero, for missing values', () => {
    expect(parseInteger('Не заполнено', FLOORS)).toEqual({ value: null });
    expect(parseInteger('', FLOORS)).toEqual({ value: null });
  });

  it('should flag garbage and implausible numbers', () => {
    expect(parseInteger('пять', FLOORS)).toEqual({ value: null, issue: 'invalid' });
    expect(parseInteger('5.5', FLOORS)).toEqual({ value: null, issue: 'invalid' });
    expect(parseInteger('12 34', FLOORS)).toEqual({ value: null, issue: 'invalid' });
    expect(parseInteger('3 327 950', { min: 0, max: 20_000 })).toEqual({
      value: null,
      issue: 'out_of_range',
    });
    expect(parseInteger('-1', FLOORS)).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseInteger('99999999999999999999', FLOORS).issue).toBe('out_of_range');
  });
});

describe('parseArea', () => {
  it('should keep exact decimals with two places, dot or comma', () => {
    expect(parseArea('116.80')).toEqual({ value: '116.80' });
    expect(parseArea('116.8')).toEqual({ value: '116.80' });
    expect(parseArea('116,8')).toEqual({ value: '116.80' });
    expect(parseArea('1 234,5')).toEqual({ value: '1234.50' });
    expect(parseArea('0.00')).toEqual({ value: '0.00' });
    expect(parseArea('12332')).toEqual({ value: '12332.00' });
    expect(parseArea('0.1')).toEqual({ value: '0.10' });
  });

  it('should round a third decimal half away from zero on the digits, not through a float', () => {
    expect(parseArea('1.005')).toEqual({ value: '1.01' });
    expect(parseArea('1.0049')).toEqual({ value: '1.00' });
    expect(parseArea('99999999.995')).toEqual({ value: '100000000.00' });
  });

  it('should turn markers into null and flag garbage', () => {
    expect(parseArea('Незаполнено')).toEqual({ value: null });
    expect(parseArea('12.3.4')).toEqual({ value: null, issue: 'invalid' });
    expect(parseArea('-5')).toEqual({ value: null, issue: 'invalid' });
    expect(parseArea('12345678901')).toEqual({ value: null, issue: 'out_of_range' });
  });
});

describe('parseYear', () => {
  const range = { min: 1700, max: 2031 };

  it('should read years written as text', () => {
    expect(parseYear('1969', range)).toEqual({ value: 1969 });
    expect(parseYear('1969 г.', range)).toEqual({ value: 1969 });
    expect(parseYear('Не заполнено', range)).toEqual({ value: null });
  });

  it('should refuse years that cannot be construction years', () => {
    expect(parseYear('0', range)).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseYear('192', range)).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseYear('2099', range)).toEqual({ value: null, issue: 'out_of_range' });
    expect(parseYear('19б1', range)).toEqual({ value: null, issue: 'invalid' });
  });
});

describe('parseFlag', () => {
  it('should read Да/Нет in any case', () => {
    expect(parseFlag('Да')).toEqual({ value: true });
    expect(parseFlag('НЕТ')).toEqual({ value: false });
    expect(parseFlag('Не заполнено')).toEqual({ value: null });
    expect(parseFlag('может быть')).toEqual({ value: null, issue: 'invalid' });
  });
});

describe('parseDecimal', () => {
  it('should accept a dot or a comma and a leading space', () => {
    expect(parseDecimal(' 37.64')).toEqual({ value: 37.64 });
    expect(parseDecimal('56,8')).toEqual({ value: 56.8 });
    expect(parseDecimal('56.8.1')).toEqual({ value: null, issue: 'invalid' });
  });
});
