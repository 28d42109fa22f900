import { addMonths, type Period } from './periods.js';
import type { Scaled } from './decimal.js';

export type HistoryPoint = { period: Period; value: Scaled };

/**
 * The average monthly consumption over the last twelve months of readings before `period`, or
 * null when there is less than three months of history to judge by (a new meter is never
 * called implausible on its second reading). Rollovers are not in the history: it is taken
 * from the ordered values, and a decrease ends the series used.
 */
export function averageMonthly(history: HistoryPoint[], period: Period): Scaled | null {
  const from = addMonths(period, -13);
  const points = history
    .filter((p) => p.period >= from && p.period < period)
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  const first = points[0];
  const last = points.at(-1);

  if (!first || !last || last.value < first.value) {
    return null;
  }

  const months = monthsBetween(first.period, last.period);

  if (months < 3) {
    return null;
  }

  return (last.value - first.value) / BigInt(months);
}

export function monthsBetween(from: Period, to: Period): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];

  return ty * 12 + tm - (fy * 12 + fm);
}

/**
 * A consumption is an implausible jump when it exceeds `factor` times the average for the
 * months it covers: the typical cause is a digit too many or a misplaced decimal point.
 */
export function isJump(
  consumption: Scaled,
  average: Scaled | null,
  months: number,
  factor: number,
): boolean {
  if (average === null || average <= 0n) {
    return false;
  }

  return consumption > average * BigInt(Math.max(1, months)) * BigInt(factor);
}

export { addMonths };
