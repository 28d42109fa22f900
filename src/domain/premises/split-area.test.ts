import { describe, expect, it } from 'vitest';

import { fromCenti, splitArea, toCenti } from './split-area.js';

describe('splitArea', () => {
  it('should add up to the total exactly, whatever the weights', () => {
    const cases: [number, number[]][] = [
      [496460, [1, 2, 3, 1, 2, 3, 1, 1]],
      [100, [1, 1, 1]],
      [17750, [33.1, 45.7, 62.9]],
      [1, [1, 1, 1, 1]],
      [0, [5, 7]],
    ];

    for (const [total, weights] of cases) {
      const parts = splitArea(total, weights);

      expect(parts).toHaveLength(weights.length);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });

  it('should keep proportions within one hundredth', () => {
    const parts = splitArea(10000, [1, 3]);

    expect(parts).toEqual([2500, 7500]);
    expect(splitArea(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('should refuse impossible input', () => {
    expect(() => splitArea(-1, [1])).toThrow(RangeError);
    expect(() => splitArea(10.5, [1])).toThrow(RangeError);
    expect(() => splitArea(10, [])).toThrow(RangeError);
    expect(() => splitArea(10, [1, 0])).toThrow(RangeError);
  });
});

describe('toCenti / fromCenti', () => {
  it('should round-trip registry areas', () => {
    expect(toCenti('4964.60')).toBe(496460);
    expect(toCenti('3143.06')).toBe(314306);
    expect(toCenti('177.5')).toBe(17750);
    expect(toCenti('12')).toBe(1200);
    expect(fromCenti(496460)).toBe('4964.60');
    expect(fromCenti(5)).toBe('0.05');
  });

  it.each(['', '-1.00', '1.005', '1,5', 'abc'])('should refuse %j', (input) => {
    expect(() => toCenti(input)).toThrow(RangeError);
  });
});
