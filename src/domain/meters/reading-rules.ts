import { powerOfTen, wholePart, type Scaled } from './decimal.js';
import { isJump } from './plausibility.js';
import { isVerificationExpired } from './verification.js';

export type ReadingCode =
  | 'reading_exceeds_capacity'
  | 'reading_in_future'
  | 'reading_before_installation'
  | 'reading_higher_than_next'
  | 'reading_lower_than_previous'
  | 'reading_rollover_unconfirmed'
  | 'reading_jump_unconfirmed';

export type MeterForRules = {
  integerDigits: number;
  fractionDigits: number;
  installedOn: string;
  nextVerificationOn: string | null;
};

export type ReadingInput = {
  value: Scaled;
  /** Fraction digits the person typed (trailing zeros dropped). */
  typedFractionDigits: number;
  takenOn: string;
  /** The house's local date today. */
  today: string;
  meter: MeterForRules;
  /** The reading before this one (the initial reading of a new meter), if any. */
  previous: Scaled | null;
  /** A later reading already stored (staff entering an older period), if any. */
  next: Scaled | null;
  average: Scaled | null;
  /** Months between the previous reading's period and this one's. */
  months: number;
  jumpFactor: number;
  confirm: { rollover: boolean; jump: boolean };
  /** person: refuse what is wrong; import: flag or refuse by the organisation's policy. */
  mode: 'person' | 'import';
  decreasePolicy: 'flag' | 'refuse';
};

export type ReadingOutcome =
  | {
      ok: true;
      /** null for a meter's very first value (no base to subtract) */
      consumption: Scaled | null;
      confirmed: 'rollover' | 'jump' | null;
      flag: ReadingCode | null;
      billable: boolean;
      notBillableReason: 'verification_expired' | 'lower_than_previous' | null;
      warnings: 'meter_verification_expired'[];
    }
  | { ok: false; code: ReadingCode; consumption?: Scaled };

/**
 * A decrease near the top of the dial is a rollover: the previous value is in the last tenth of
 * the capacity and the counted consumption `(10^N − previous) + new` is within its first tenth.
 */
export function rolloverConsumption(
  previous: Scaled,
  value: Scaled,
  integerDigits: number,
): Scaled | null {
  const capacity = powerOfTen(integerDigits);
  const consumption = capacity - previous + value;

  return previous * 10n >= capacity * 9n && consumption * 10n <= capacity ? consumption : null;
}

/** Every rule of a submitted reading, in the order a person would want to hear them (C10–C13). */
export function evaluateReading(input: ReadingInput): ReadingOutcome {
  const { value, meter, previous } = input;

  if (
    input.typedFractionDigits > meter.fractionDigits ||
    wholePart(value) >= 10n ** BigInt(meter.integerDigits)
  ) {
    return { ok: false, code: 'reading_exceeds_capacity' };
  }

  if (input.takenOn > input.today) {
    return { ok: false, code: 'reading_in_future' };
  }

  if (input.takenOn < meter.installedOn) {
    return { ok: false, code: 'reading_before_installation' };
  }

  if (input.next !== null && value > input.next) {
    return { ok: false, code: 'reading_higher_than_next' };
  }

  const accepted = (consumption: Scaled | null, extra: Partial<ReadingOutcome & { ok: true }>) =>
    withVerification(input, { consumption, confirmed: null, flag: null, ...extra });

  if (previous === null) {
    return accepted(null, {});
  }

  if (value < previous) {
    return decrease(input, previous, accepted);
  }

  const consumption = value - previous;

  if (isJump(consumption, input.average, input.months, input.jumpFactor)) {
    if (input.confirm.jump) {
      return accepted(consumption, { confirmed: 'jump' });
    }

    if (input.mode === 'import') {
      return accepted(consumption, { flag: 'reading_jump_unconfirmed' });
    }

    return { ok: false, code: 'reading_jump_unconfirmed', consumption };
  }

  return accepted(consumption, {});
}

type Accept = (
  consumption: Scaled | null,
  extra: { confirmed?: 'rollover' | 'jump' | null; flag?: ReadingCode | null },
) => ReadingOutcome;

function decrease(input: ReadingInput, previous: Scaled, accepted: Accept): ReadingOutcome {
  const rollover = rolloverConsumption(previous, input.value, input.meter.integerDigits);

  if (rollover !== null && input.confirm.rollover) {
    return accepted(rollover, { confirmed: 'rollover' });
  }

  const code = rollover !== null ? 'reading_rollover_unconfirmed' : 'reading_lower_than_previous';

  if (input.mode === 'import' && input.decreasePolicy === 'flag') {
    // Stored for the record and flagged; it bills nothing until somebody looks (never negative).
    const outcome = accepted(0n, { flag: code });

    return outcome.ok
      ? { ...outcome, billable: false, notBillableReason: 'lower_than_previous' }
      : outcome;
  }

  return rollover !== null ? { ok: false, code, consumption: rollover } : { ok: false, code };
}

function withVerification(
  input: ReadingInput,
  base: {
    consumption: Scaled | null;
    confirmed?: 'rollover' | 'jump' | null;
    flag?: ReadingCode | null;
  },
): ReadingOutcome {
  const expired = isVerificationExpired(input.meter.nextVerificationOn, input.takenOn);

  return {
    ok: true,
    consumption: base.consumption,
    confirmed: base.confirmed ?? null,
    flag: base.flag ?? null,
    billable: !expired,
    notBillableReason: expired ? 'verification_expired' : null,
    warnings: expired ? ['meter_verification_expired'] : [],
  };
}
