import { describe, expect, it } from 'vitest';

import { keyRateOn, penaltyRateOn } from './key-rates.js';
import { calculatePenalties } from './penalties.js';

const debt = (dueDate: string, kopecks = 1_000_000n) => [{ period: 'x', dueDate, kopecks }];

describe('penalties (ЖК ст. 155 ч. 14)', () => {
  it('should charge 1/300 of the capped rate per day from the 31st day', () => {
    // 10 000 ₽ due 10.02.2025; April 2025: delay days 50–79; key rate 21 % capped at 9.5 %.
    // 10 000 × 9.5 % × 30 / 300 = 95.00 ₽.
    const result = calculatePenalties({
      debts: debt('2025-02-10'),
      from: '2025-04-01',
      to: '2025-04-30',
    });

    expect(result.rate?.basisPoints).toBe(950n);
    expect(result.total).toBe(9500n);
    expect(result.lines[0]!.segments).toEqual([
      expect.objectContaining({ from: '2025-04-01', to: '2025-04-30', days: 30, divisor: 300 }),
    ]);
    expect(result.lines[0]!.explanation).toContain('× 9,50 % × 1/300 × 30 дн.');
  });

  it('should switch to 1/130 from the 91st day, each segment rounded on its own', () => {
    // May 2025: days 80–90 (01–11.05) at 1/300, days 91–110 (12–31.05) at 1/130.
    // 10 000 × 9.5 % × 11 / 300 = 34.833 → 34.83; 10 000 × 9.5 % × 20 / 130 = 146.154 → 146.15.
    const result = calculatePenalties({
      debts: debt('2025-02-10'),
      from: '2025-05-01',
      to: '2025-05-31',
    });

    expect(
      result.lines[0]!.segments.map((s) => [s.from, s.to, s.divisor, s.amountKopecks]),
    ).toEqual([
      ['2025-05-01', '2025-05-11', 300, 3483n],
      ['2025-05-12', '2025-05-31', 130, 14615n],
    ]);
    expect(result.total).toBe(18098n);
  });

  it('should charge nothing for the first 30 days after the due date', () => {
    // Due 10.03.2025: day 31 is 10.04.2025, so April bears 21 days: 10 000 × 9.5 % × 21 / 300.
    const result = calculatePenalties({
      debts: debt('2025-03-10'),
      from: '2025-04-01',
      to: '2025-04-30',
    });

    expect(result.lines[0]!.segments[0]!.from).toBe('2025-04-10');
    expect(result.total).toBe(6650n);
    expect(
      calculatePenalties({ debts: debt('2025-04-10'), from: '2025-04-01', to: '2025-04-30' }).total,
    ).toBe(0n);
  });

  it('should lower the base from the day after a payment, oldest debt first', () => {
    // 4 000 ₽ paid 15.04.2025: 15 days on 10 000 ₽, then 15 days on 6 000 ₽ → 47.50 + 28.50.
    const result = calculatePenalties({
      debts: debt('2025-02-10'),
      payments: [{ paidOn: '2025-04-15', kopecks: 400_000n }],
      from: '2025-04-01',
      to: '2025-04-30',
    });

    expect(result.lines[0]!.segments.map((s) => [s.baseKopecks, s.days, s.amountKopecks])).toEqual([
      [1_000_000n, 15, 4750n],
      [600_000n, 15, 2850n],
    ]);
    expect(result.total).toBe(7600n);
  });

  it('should accrue nothing under the 2022 moratorium on earlier debts, but on later ones', () => {
    expect(
      calculatePenalties({ debts: debt('2022-03-10'), from: '2022-05-01', to: '2022-05-31' }).total,
    ).toBe(0n);

    // Due 10.05.2022, July 2022: key rate 8 % (from 25.07.2022) is under the 9.5 % cap.
    // 10 000 × 8 % × 31 / 300 = 82.667 → 82.67.
    const later = calculatePenalties({
      debts: debt('2022-05-10'),
      from: '2022-07-01',
      to: '2022-07-31',
    });

    expect(later.rate?.basisPoints).toBe(800n);
    expect(later.total).toBe(8267n);
  });

  it('should use the full key rate where no cap is in force (2023)', () => {
    // Due 10.07.2023, September 2023: 13 % from 18.09.2023; 10 000 × 13 % × 30 / 300 = 130.00.
    expect(
      calculatePenalties({ debts: debt('2023-07-10'), from: '2023-09-01', to: '2023-09-30' }).total,
    ).toBe(13000n);
  });

  it('should keep the key-rate history as dated data', () => {
    expect(keyRateOn('2024-10-28')?.percent).toBe('21.00');
    expect(keyRateOn('2024-10-27')?.percent).toBe('19.00');
    expect(keyRateOn('2022-02-28')?.percent).toBe('20.00');
    expect(penaltyRateOn('2025-10-30')?.basisPoints).toBe(950n);
    expect(penaltyRateOn('2026-02-01')?.basisPoints).toBe(1650n);
    expect(keyRateOn('2000-01-01')).toBeNull();
  });
});
