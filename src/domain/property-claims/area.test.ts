import { describe, expect, it } from 'vitest';

import { formatAreaCenti, MAX_AREA_CENTI, parseArea } from './area.js';

describe('parseArea', () => {
  it('should read a decimal point or comma, with or without the unit', () => {
    expect(parseArea('15.30')).toEqual({ ok: true, centi: 1530 });
    expect(parseArea('15,3')).toEqual({ ok: true, centi: 1530 });
    expect(parseArea(' 4,2 м² ')).toEqual({ ok: true, centi: 420 });
    expect(parseArea('45 кв. м')).toEqual({ ok: true, centi: 4500 });
    expect(parseArea('1 234,56')).toEqual({ ok: true, centi: 123_456 });
    expect(parseArea('0,01')).toEqual({ ok: true, centi: 1 });
  });

  it('should name why an area is refused', () => {
    expect(parseArea('15.305')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('-5')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('1e3')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('15,')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('пятнадцать')).toEqual({ ok: false, problem: 'format' });
    expect(parseArea('0')).toEqual({ ok: false, problem: 'zero' });
    expect(parseArea('0,00')).toEqual({ ok: false, problem: 'zero' });
    expect(parseArea('100000')).toEqual({ ok: true, centi: MAX_AREA_CENTI });
    expect(parseArea('100000,01')).toEqual({ ok: false, problem: 'too_large' });
  });
});

describe('formatAreaCenti', () => {
  it('should write two decimal places', () => {
    expect(formatAreaCenti(1530)).toBe('15.30');
    expect(formatAreaCenti(1)).toBe('0.01');
    expect(formatAreaCenti(420)).toBe('4.20');
  });
});
