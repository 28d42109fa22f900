import { describe, expect, it } from 'vitest';

import { allocate, overdueOn, type LedgerLine } from './allocation.js';
import { chooseVolume } from './consumption.js';

let seq = 0;
const entry = (
  kind: LedgerLine['kind'],
  period: string | null,
  kopecks: number,
  extra: Partial<LedgerLine> = {},
): LedgerLine => ({
  id: `e${(seq += 1)}`,
  entryOn: period ? `${period}-28` : '2026-03-05',
  period,
  kind,
  amountKopecks: BigInt(kopecks),
  reversesId: null,
  ...extra,
});

describe('allocation of payments', () => {
  const jan = entry('accrual', '2026-01', 300_00);
  const feb = entry('accrual', '2026-02', 200_00);

  it('should pay the oldest debt first', () => {
    const result = allocate([jan, feb, entry('payment', null, -350_00)]);

    expect(result.outstanding).toEqual([
      { period: '2026-02', dueDate: '2026-03-10', kopecks: 150_00n },
    ]);
    expect(result.balanceKopecks).toBe(150_00n);
    expect(overdueOn(result, '2026-03-11')).toBe(150_00n);
    expect(overdueOn(result, '2026-03-10')).toBe(0n);
  });

  it('should pay the designated period first when so configured', () => {
    const result = allocate([jan, feb, entry('payment', '2026-02', -200_00)], {
      policy: 'designated_first',
    });

    expect(result.outstanding.map((o) => [o.period, o.kopecks])).toEqual([['2026-01', 300_00n]]);
  });

  it('should count a reversed payment and its reversal for nothing, and keep an advance', () => {
    const payment = entry('payment', null, -500_00);
    const reversal = entry('reversal', null, 500_00, { reversesId: payment.id });

    expect(allocate([jan, payment, reversal]).balanceKopecks).toBe(300_00n);
    expect(allocate([jan, entry('payment', null, -400_00)]).advanceKopecks).toBe(100_00n);
  });

  it('should treat a period left negative by a recalculation as a credit', () => {
    const result = allocate([jan, entry('recalculation', '2026-02', -100_00)]);

    expect(result.outstanding.map((o) => o.kopecks)).toEqual([200_00n]);
  });
});

describe('volume without a reading (ПП 354 п. 59, 60)', () => {
  const base = {
    hasMeter: true,
    metered: null,
    missingReason: 'no_reading' as const,
    norm: '4.85',
    persons: 2,
  };

  it('should bill the reading when there is one', () => {
    expect(
      chooseVolume({ ...base, metered: '3.250', history: [], averagePeriodsInARow: 0 }),
    ).toMatchObject({
      method: 'metered',
      quantity: '3.250',
    });
  });

  it('should bill the average of up to six months, for at most three periods', () => {
    const history = ['3', '4', '5', '3', '4', '5', '9'];

    expect(chooseVolume({ ...base, history, averagePeriodsInARow: 0 })).toMatchObject({
      method: 'average',
      quantity: '4.000',
    });
    expect(chooseVolume({ ...base, history, averagePeriodsInARow: 2 }).explanation).toContain(
      'период 3 из 3',
    );
    expect(chooseVolume({ ...base, history, averagePeriodsInARow: 3 })).toMatchObject({
      method: 'norm',
      quantity: '9.700',
    });
  });

  it('should go to the norm with fewer than three months of readings, or without a meter', () => {
    expect(chooseVolume({ ...base, history: ['3', '4'], averagePeriodsInARow: 0 }).method).toBe(
      'norm',
    );
    expect(
      chooseVolume({ ...base, hasMeter: false, history: ['3', '4', '5'], averagePeriodsInARow: 0 }),
    ).toMatchObject({
      method: 'norm',
      quantity: '9.700',
    });
    expect(
      chooseVolume({
        ...base,
        missingReason: 'verification_expired',
        history: ['1', '2', '3'],
        averagePeriodsInARow: 0,
      }).explanation,
    ).toContain('истёк срок поверки');
  });
});
