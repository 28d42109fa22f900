import { describe, expect, it } from 'vitest';

import { formatDecimal, parseDecimal, toScaled } from './decimal.js';

describe('exact decimal readings', () => {
  it('reads a decimal comma or point, spaces between thousands, and never rounds', () => {
    expect(formatDecimal(toScaled('245,3'))).toBe('245.300');
    expect(formatDecimal(toScaled('1 250,5'), 1)).toBe('1250.5');
    expect(formatDecimal(toScaled('0.007'))).toBe('0.007');
    expect(formatDecimal(toScaled('101.5') - toScaled('101.2'))).toBe('0.300');
    // 0.1 + 0.2 in floats is 0.30000000000000004; scaled integers are exact.
    expect(formatDecimal(toScaled('0.1') + toScaled('0.2'), 1)).toBe('0.3');
  });

  it('writes an equal reading as 0 and keeps digits beyond the display rather than lose them', () => {
    expect(formatDecimal(toScaled('245.300') - toScaled('245.3'))).toBe('0');
    expect(formatDecimal(toScaled('1.23456'), 3)).toBe('1.23456');
  });

  it.each([
    ['12a', 'reading_not_a_number'],
    ['1e5', 'reading_not_a_number'],
    ['1,2,3', 'reading_not_a_number'],
    ['', 'reading_not_a_number'],
    ['١٢', 'reading_not_a_number'],
    ['-0,5', 'reading_negative'],
    ['1.1234567', 'reading_too_precise'],
    ['1234567890123456', 'reading_not_a_number'],
  ])('refuses %j as %s', (text, code) => {
    expect(parseDecimal(text)).toEqual({ ok: false, code });
  });

  it('counts the typed fraction digits without trailing zeros', () => {
    expect(parseDecimal('245,300')).toMatchObject({ ok: true, fractionDigits: 1 });
    expect(parseDecimal('245')).toMatchObject({ ok: true, fractionDigits: 0 });
  });
});
