import { describe, expect, it } from 'vitest';

import { counted, imbalancePercent, replacedConsumption } from './consumption.js';
import { formatDecimal, toScaled } from './decimal.js';
import { averageMonthly, isJump } from './plausibility.js';
import { addMonths, periodsBetween } from './periods.js';
import { daysUntil, isVerificationExpired, nextVerificationOn } from './verification.js';

const regular = (value: string) => ({
  value: toScaled(value),
  kind: 'regular' as const,
  confirmed: null,
});

describe('consumption (case C11)', () => {
  it('sums the old meter up to its final reading and the new one from its initial value: 3.983', () => {
    const total = replacedConsumption({
      old: {
        base: toScaled('312.450'),
        final: { ...regular('314.100'), kind: 'final' },
        integerDigits: 5,
      },
      new: { initial: toScaled('0.007'), reading: regular('2.340'), integerDigits: 5 },
    });

    expect(formatDecimal(total)).toBe('3.983');
  });

  it('never counts a decrease as negative; a confirmed rollover counts past zero', () => {
    expect(counted(toScaled('245.3'), regular('244.9'), 5)).toBe(0n);
    expect(
      formatDecimal(counted(toScaled('99990'), { ...regular('5'), confirmed: 'rollover' }, 5)),
    ).toBe('15.000');
  });

  it('measures a common-house imbalance in tenths of a percent', () => {
    expect(imbalancePercent(toScaled('110'), toScaled('100'))).toBe(9.0);
    expect(imbalancePercent(toScaled('100'), toScaled('120'))).toBe(-20);
    expect(imbalancePercent(0n, toScaled('5'))).toBeNull();
  });
});

describe('verification dates', () => {
  it('runs to the day before the anniversary of the last verification', () => {
    expect(nextVerificationOn('2020-03-15', 72)).toBe('2026-03-14');
    expect(nextVerificationOn('2020-02-29', 48)).toBe('2024-02-28');
    expect(nextVerificationOn('2021-01-31', 1)).toBe('2021-02-27');
    expect(isVerificationExpired('2026-03-14', '2026-03-14')).toBe(false);
    expect(isVerificationExpired('2026-03-14', '2026-03-15')).toBe(true);
    expect(daysUntil('2026-04-13', '2026-03-14')).toBe(30);
  });
});

describe('plausibility', () => {
  it('averages a year of history and needs three months to judge', () => {
    const history = ['2026-01', '2026-02', '2026-03', '2026-04'].map((period, i) => ({
      period,
      value: toScaled(String(100 + 5 * i)),
    }));

    expect(formatDecimal(averageMonthly(history, '2026-05')!)).toBe('5.000');
    expect(averageMonthly(history.slice(0, 2), '2026-05')).toBeNull();
    expect(isJump(toScaled('30'), toScaled('5'), 1, 5)).toBe(true);
    expect(isJump(toScaled('25'), toScaled('5'), 1, 5)).toBe(false);
  });

  it('walks periods across year ends', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(periodsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });
});
