import { parseDecimal } from './money.js';
import {
  KEY_RATES,
  MORATORIA,
  RATE_CAPS,
  type KeyRate,
  type Moratorium,
  type RateCap,
} from './key-rates.data.js';

export type RateTables = {
  keyRates: readonly KeyRate[];
  moratoria: readonly Moratorium[];
  caps: readonly RateCap[];
};

export const DEFAULT_RATE_TABLES: RateTables = {
  keyRates: KEY_RATES,
  moratoria: MORATORIA,
  caps: RATE_CAPS,
};

/** A rate in hundredths of a percent (basis points): 16.50 % → 1650. */
export type BasisPoints = bigint;

function toBasisPoints(percent: string): BasisPoints {
  const value = parseDecimal(percent);

  if (!value || value.scale > 2) {
    throw new RangeError(`not a percentage: ${percent}`);
  }

  return value.units * 10n ** BigInt(2 - value.scale);
}

/** The key rate in force on a date; null before the first one listed. */
export function keyRateOn(date: string, tables: RateTables = DEFAULT_RATE_TABLES): KeyRate | null {
  let found: KeyRate | null = null;

  for (const rate of tables.keyRates) {
    if (rate.from <= date && (!found || rate.from >= found.from)) {
      found = rate;
    }
  }

  return found;
}

export type PenaltyRate = {
  basisPoints: BasisPoints;
  keyRate: KeyRate;
  /** The cap that lowered the key rate, if one did. */
  cap: RateCap | null;
};

/** The rate penalties use on a date: the key rate, lowered to a cap in force that day. */
export function penaltyRateOn(
  date: string,
  tables: RateTables = DEFAULT_RATE_TABLES,
): PenaltyRate | null {
  const keyRate = keyRateOn(date, tables);

  if (!keyRate) {
    return null;
  }

  const key = toBasisPoints(keyRate.percent);
  const cap = tables.caps.find((c) => c.from <= date && date <= c.to) ?? null;
  const capped = cap ? toBasisPoints(cap.percent) : null;

  return capped !== null && capped < key
    ? { basisPoints: capped, keyRate, cap }
    : { basisPoints: key, keyRate, cap: null };
}

/** The moratorium that stops penalties on a debt due `dueDate` on the day `date`, if any. */
export function moratoriumOn(
  date: string,
  dueDate: string,
  tables: RateTables = DEFAULT_RATE_TABLES,
): Moratorium | null {
  return (
    tables.moratoria.find(
      (m) => m.from <= date && date <= m.to && (!m.debtsDueBefore || dueDate < m.debtsDueBefore),
    ) ?? null
  );
}
