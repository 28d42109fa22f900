import { powerOfTen, type Scaled } from './decimal.js';

/** A stored reading as the consumption rules see it. */
export type SeriesReading = {
  value: Scaled;
  kind: 'initial' | 'regular' | 'final';
  confirmed: 'rollover' | 'jump' | null;
};

/**
 * What the dial counted from `base` to `reading`: the difference, or across a confirmed
 * rollover `(10^N − base) + reading`. Never negative: an unconfirmed decrease counts zero.
 */
export function counted(base: Scaled, reading: SeriesReading, integerDigits: number): Scaled {
  if (reading.value >= base) {
    return reading.value - base;
  }

  return reading.confirmed === 'rollover' ? powerOfTen(integerDigits) - base + reading.value : 0n;
}

/**
 * Consumption of a period across a replacement (case C11): the old meter's part up to its final
 * reading plus the new meter's part from its initial reading. Each series is summed on its own.
 */
export function replacedConsumption(parts: {
  old: { base: Scaled; final: SeriesReading; integerDigits: number };
  new: { initial: Scaled; reading: SeriesReading; integerDigits: number };
}): Scaled {
  return (
    counted(parts.old.base, parts.old.final, parts.old.integerDigits) +
    counted(parts.new.initial, parts.new.reading, parts.new.integerDigits)
  );
}

/** Imbalance of a common-house meter against the sum of the individual ones, in percent. */
export function imbalancePercent(common: Scaled, individual: Scaled): number | null {
  if (common <= 0n) {
    return null;
  }

  // Tenths of a percent, computed exactly and divided once.
  return Number(((common - individual) * 1000n) / common) / 10;
}
