import { describe, expect, it } from 'vitest';

import {
  addShares,
  checkShare,
  compareShares,
  formatShare,
  parseShare,
  sumShares,
  WHOLE,
} from './fraction.js';

describe('parseShare', () => {
  it('should read fractions, whole numbers and percents in lowest terms', () => {
    expect(parseShare('1/2')).toEqual({ ok: true, share: { numerator: 1, denominator: 2 } });
    expect(parseShare(' 2 / 6 ')).toEqual({ ok: true, share: { numerator: 1, denominator: 3 } });
    expect(parseShare('1')).toEqual({ ok: true, share: WHOLE });
    expect(parseShare('25%')).toEqual({ ok: true, share: { numerator: 1, denominator: 4 } });
  });

  it('should name why a share is refused', () => {
    expect(parseShare('3/2')).toEqual({ ok: false, problem: 'above_one' });
    expect(parseShare('0')).toEqual({ ok: false, problem: 'zero' });
    expect(parseShare('0/5')).toEqual({ ok: false, problem: 'zero' });
    expect(parseShare('1/0')).toEqual({ ok: false, problem: 'format' });
    expect(parseShare('0.5')).toEqual({ ok: false, problem: 'format' });
    expect(parseShare('-1/2')).toEqual({ ok: false, problem: 'format' });
    expect(parseShare('половина')).toEqual({ ok: false, problem: 'format' });
    expect(parseShare('1/9999999')).toEqual({ ok: false, problem: 'too_large' });
    expect(checkShare({ numerator: 1.5, denominator: 2 })).toEqual({
      ok: false,
      problem: 'format',
    });
  });
});

describe('share arithmetic', () => {
  it('should add thirds to exactly one', () => {
    const third = { numerator: 1, denominator: 3 };

    expect(sumShares([third, third, third])).toEqual(WHOLE);
    expect(compareShares(sumShares([third, third, third]), WHOLE)).toBe(0);
  });

  it('should compare without floating point', () => {
    expect(
      compareShares({ numerator: 1, denominator: 3 }, { numerator: 333, denominator: 1000 }),
    ).toBe(1);
    expect(
      compareShares(
        addShares({ numerator: 1, denominator: 2 }, { numerator: 2, denominator: 3 }),
        WHOLE,
      ),
    ).toBe(1);
    expect(sumShares([])).toEqual({ numerator: 0, denominator: 1 });
  });

  it('should format shares', () => {
    expect(formatShare({ numerator: 2, denominator: 4 })).toBe('1/2');
    expect(formatShare(WHOLE)).toBe('1');
  });
});
