import { describe, expect, it } from 'vitest';

import { formatDecimal, toScaled } from './decimal.js';
import { evaluateReading, rolloverConsumption, type ReadingInput } from './reading-rules.js';

const METER = {
  integerDigits: 5,
  fractionDigits: 3,
  installedOn: '2024-01-10',
  nextVerificationOn: '2030-01-09',
};

function input(value: string, patch: Partial<ReadingInput> = {}): ReadingInput {
  return {
    value: toScaled(value),
    typedFractionDigits: value.split(/[.,]/)[1]?.replace(/0+$/, '').length ?? 0,
    takenOn: '2026-03-23',
    today: '2026-03-23',
    meter: METER,
    previous: toScaled('245.300'),
    next: null,
    average: null,
    months: 1,
    jumpFactor: 5,
    confirm: { rollover: false, jump: false },
    mode: 'person',
    decreasePolicy: 'flag',
    ...patch,
  };
}

const consumption = (outcome: ReturnType<typeof evaluateReading>) =>
  outcome.ok && outcome.consumption !== null ? formatDecimal(outcome.consumption) : null;

describe('reading rules (case C10)', () => {
  it('1) accepts a reading equal to the previous one with zero consumption', () => {
    const outcome = evaluateReading(input('245.300'));

    expect(outcome).toMatchObject({ ok: true, billable: true, flag: null });
    expect(consumption(outcome)).toBe('0');
  });

  it('2) refuses a lower reading in the person’s form, never a negative consumption', () => {
    expect(evaluateReading(input('244.900'))).toEqual({
      ok: false,
      code: 'reading_lower_than_previous',
    });
  });

  it('3) flags or refuses it in a staff import by the organisation’s setting', () => {
    const flagged = evaluateReading(input('244.900', { mode: 'import', decreasePolicy: 'flag' }));

    expect(flagged).toMatchObject({
      ok: true,
      flag: 'reading_lower_than_previous',
      billable: false,
      notBillableReason: 'lower_than_previous',
    });
    expect(consumption(flagged)).toBe('0');
    expect(
      evaluateReading(input('244.900', { mode: 'import', decreasePolicy: 'refuse' })),
    ).toMatchObject({
      ok: false,
      code: 'reading_lower_than_previous',
    });
  });

  it('4) judges each tariff zone on its own: T1 up, T2 down', () => {
    const t1 = evaluateReading(input('1250', { previous: toScaled('1200') }));
    const t2 = evaluateReading(input('790', { previous: toScaled('800') }));

    expect(consumption(t1)).toBe('50.000');
    expect(t2).toMatchObject({ ok: false, code: 'reading_lower_than_previous' });
  });
});

describe('rollover, jumps, dates, capacity and verification', () => {
  it('recognises a rollover past the last digit and counts (10^N − previous) + new once confirmed', () => {
    expect(formatDecimal(rolloverConsumption(toScaled('99990'), toScaled('5'), 5)!)).toBe('15.000');
    expect(rolloverConsumption(toScaled('50000'), toScaled('5'), 5)).toBeNull();

    const asked = evaluateReading(input('5', { previous: toScaled('99990') }));

    expect(asked).toMatchObject({ ok: false, code: 'reading_rollover_unconfirmed' });

    const confirmed = evaluateReading(
      input('5', { previous: toScaled('99990'), confirm: { rollover: true, jump: false } }),
    );

    expect(confirmed).toMatchObject({ ok: true, confirmed: 'rollover' });
    expect(consumption(confirmed)).toBe('15.000');
  });

  it('asks to confirm a jump of many times the average (a misplaced decimal point)', () => {
    const base = { previous: toScaled('100'), average: toScaled('5') };

    expect(evaluateReading(input('150', base))).toMatchObject({
      ok: false,
      code: 'reading_jump_unconfirmed',
    });
    expect(evaluateReading(input('120', base))).toMatchObject({ ok: true });
    expect(
      evaluateReading(input('150', { ...base, confirm: { rollover: false, jump: true } })),
    ).toMatchObject({
      ok: true,
      confirmed: 'jump',
    });
    expect(evaluateReading(input('150', { ...base, mode: 'import' }))).toMatchObject({
      ok: true,
      flag: 'reading_jump_unconfirmed',
    });
    // Three months since the last reading: three months' worth is no jump.
    expect(evaluateReading(input('160', { ...base, months: 3 }))).toMatchObject({ ok: true });
  });

  it('refuses a reading in the future, before installation, above a later one or beyond the dial', () => {
    expect(evaluateReading(input('246', { takenOn: '2026-03-24' }))).toMatchObject({
      code: 'reading_in_future',
    });
    expect(evaluateReading(input('246', { takenOn: '2023-12-31' }))).toMatchObject({
      code: 'reading_before_installation',
    });
    expect(evaluateReading(input('250', { next: toScaled('248') }))).toMatchObject({
      code: 'reading_higher_than_next',
    });
    expect(evaluateReading(input('100000'))).toMatchObject({ code: 'reading_exceeds_capacity' });
    expect(evaluateReading(input('246.1234'))).toMatchObject({ code: 'reading_exceeds_capacity' });
  });

  it('stores a reading of an unverified meter as not billable, with a warning', () => {
    const outcome = evaluateReading(
      input('246', { meter: { ...METER, nextVerificationOn: '2026-03-01' } }),
    );

    expect(outcome).toMatchObject({
      ok: true,
      billable: false,
      notBillableReason: 'verification_expired',
      warnings: ['meter_verification_expired'],
    });
  });

  it('accepts a meter’s first reading without a base', () => {
    expect(evaluateReading(input('10', { previous: null }))).toMatchObject({
      ok: true,
      consumption: null,
    });
  });
});
