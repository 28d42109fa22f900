import { decimalToString, divRoundHalfUp, parseDecimal, roundDecimal } from './money.js';

/**
 * Where a metered service's volume comes from (ПП 354 п. 59, 60): the meter's reading when there
 * is a billable one; otherwise, for a limited number of periods, the average of earlier actual
 * readings; then the norm times the people counted. The limits are settings with dates, never
 * constants (domain-rules §2).
 */
export type AverageRules = {
  /** Months the average is taken over (6). */
  baseMonths: number;
  /** Fewer months of readings than this: no average, the norm applies (3). */
  minBaseMonths: number;
  /** Consecutive periods an average may stand in for a reading (3). */
  maxPeriods: number;
};

export const DEFAULT_AVERAGE_RULES: AverageRules = {
  baseMonths: 6,
  minBaseMonths: 3,
  maxPeriods: 3,
};

export type VolumeInput = {
  hasMeter: boolean;
  /** The billable reading's volume, or null (none, or the meter's verification expired). */
  metered: string | null;
  /** Why there is no billable volume, for the explanation. */
  missingReason: 'no_reading' | 'verification_expired' | null;
  /** Actual (metered) volumes of the latest earlier periods, newest first, up to baseMonths. */
  history: string[];
  /** Periods billed on average right before this one, without a reading between. */
  averagePeriodsInARow: number;
  /** Norm per person per month, or null when the organisation has none for the service. */
  norm: string | null;
  persons: number;
};

export type Volume = {
  method: 'metered' | 'average' | 'norm' | 'none';
  quantity: string;
  explanation: string;
};

const MISSING_TEXT = {
  no_reading: 'показания не переданы',
  verification_expired: 'истёк срок поверки прибора учёта',
} as const;

function average(history: string[]): string {
  const values = history.map((h) => roundDecimal(parseDecimal(h)!, 3).units);
  const total = values.reduce((sum, v) => sum + v, 0n);

  return decimalToString({ units: divRoundHalfUp(total, BigInt(values.length)), scale: 3 });
}

export function chooseVolume(
  input: VolumeInput,
  rules: AverageRules = DEFAULT_AVERAGE_RULES,
): Volume {
  if (input.hasMeter && input.metered !== null) {
    return {
      method: 'metered',
      quantity: input.metered,
      explanation: 'по показаниям прибора учёта',
    };
  }

  const why = input.hasMeter
    ? MISSING_TEXT[input.missingReason ?? 'no_reading']
    : 'прибора учёта нет';
  const base = input.history.slice(0, rules.baseMonths);

  if (
    input.hasMeter &&
    base.length >= rules.minBaseMonths &&
    input.averagePeriodsInARow < rules.maxPeriods
  ) {
    return {
      method: 'average',
      quantity: average(base),
      explanation: `${why}: по среднему за ${base.length} мес. (период ${input.averagePeriodsInARow + 1} из ${rules.maxPeriods})`,
    };
  }

  if (input.norm === null) {
    return { method: 'none', quantity: '0.000', explanation: `${why}; норматив не задан` };
  }

  const norm = parseDecimal(input.norm)!;
  const volume = roundDecimal({ units: norm.units * BigInt(input.persons), scale: norm.scale }, 3);
  const limit =
    input.hasMeter && base.length >= rules.minBaseMonths
      ? `; среднее применялось ${rules.maxPeriods} периода подряд`
      : '';

  return {
    method: 'norm',
    quantity: decimalToString(volume),
    explanation: `${why}${limit}: по нормативу ${input.norm} × ${input.persons} чел.`,
  };
}
