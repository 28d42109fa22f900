import { describe, expect, it } from 'vitest';

import {
  chargeKopecks,
  displayDecimal,
  divRoundHalfUp,
  formatRoubles,
  parseRoubles,
} from './money.js';

describe('money', () => {
  it('should read amounts the way banks write them, never losing the kopecks (C16)', () => {
    expect(parseRoubles('1500,50')).toBe(150050n);
    expect(parseRoubles('1500,00')).toBe(150000n);
    expect(parseRoubles('1000.00')).toBe(100000n);
    expect(parseRoubles('1 500,5')).toBe(150050n);
    expect(parseRoubles('15')).toBe(1500n);
    expect(parseRoubles('-0,01')).toBe(-1n);
  });

  it('should refuse what it would have to guess at', () => {
    for (const text of ['1,500.00', '12.345', 'abc', '', '1e3', '١٢٣', '12,3,4', '0x10']) {
      expect(parseRoubles(text)).toBeNull();
    }
  });

  it('should round half away from zero, like PostgreSQL round()', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(-14n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('should charge volume × tariff rounded once, at the end', () => {
    // 3.250 m³ × 51.58 ₽ = 167.635 ₽ → 167.64 ₽ (half up).
    expect(chargeKopecks('3.250', '51.58')).toBe(16764n);
    // 55.46 m² × 34.10 ₽ = 1891.186 ₽ → 1891.19 ₽.
    expect(chargeKopecks('55.4600', '34.1000')).toBe(189119n);
    // A tariff with four decimals: 0.0227 Гкал/м² × 55.46 m² = 1.258942 Гкал × 2721 ₽.
    expect(chargeKopecks('1.258942', '2721')).toBe(342558n);
    expect(chargeKopecks('0', '51.58')).toBe(0n);
  });

  it('should print roubles as the bill does', () => {
    expect(formatRoubles(123456n)).toBe('1\u202f234,56');
    expect(formatRoubles(-5n)).toBe('−0,05');
    expect(displayDecimal('34.1000', 2)).toBe('34,10');
    expect(displayDecimal('55.4600')).toBe('55,46');
    expect(displayDecimal('3.000')).toBe('3');
  });
});
