import { describe, expect, it } from 'vitest';

import {
  add,
  compare,
  formatExact,
  fromDecimal,
  parseExact,
  percentOf,
  rational,
  toFixed,
} from './rational.js';

describe('exact rationals', () => {
  it('should add thirds to exactly one', () => {
    const third = rational(1, 3);

    expect(formatExact(add(add(third, third), third))).toBe('1');
  });

  it('should read areas as exact decimals and refuse anything else', () => {
    expect(formatExact(fromDecimal('52.30'))).toBe('523/10');
    expect(() => fromDecimal('1e3')).toThrow();
    expect(() => fromDecimal('-5')).toThrow();
    expect(() => fromDecimal('0.12345')).toThrow();
  });

  it('should round only for display, half up', () => {
    expect(toFixed(rational(1, 3))).toBe('0.33');
    expect(toFixed(rational(2, 3))).toBe('0.67');
    expect(toFixed(rational(1, 200))).toBe('0.01');
    expect(percentOf(rational(1, 3), rational(1))).toBe('33.33');
    expect(percentOf(rational(1), rational(0))).toBe('0.00');
  });

  it('should round-trip its exact text form and compare without floats', () => {
    expect(parseExact(formatExact(rational(1353, 20)))).toEqual(rational(1353, 20));
    expect(compare(rational(1, 3), rational(333_333, 1_000_000))).toBe(1);
  });
});
