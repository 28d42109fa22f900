import { describe, expect, it } from 'vitest';

import {
  computeDeadlines,
  parseTermOverride,
  reminderAt,
  withinDailyWindow,
  type DeadlineInput,
} from './deadlines.js';

const TZ = 'Asia/Yekaterinburg';
// Monday 15.09.2025, 10:00 in Ekaterinburg.
const MONDAY = new Date('2025-09-15T05:00:00Z');

const base: DeadlineInput = {
  receivedAt: MONDAY,
  timeZone: TZ,
  kind: 'repair',
  priority: 'normal',
  blockage: null,
  requester: 'owner_or_user',
};

function due(input: Partial<DeadlineInput>, kind = 'response') {
  const found = computeDeadlines({ ...base, ...input }).find((d) => d.kind === kind)!;

  return { at: found.dueAt.toISOString(), rule: found.ruleId };
}

describe('regulated deadlines (C21)', () => {
  it("should give an owner's written request 10 working days: Mon 29.09.2025", () => {
    expect(due({})).toEqual({
      at: '2025-09-29T18:59:59.999Z',
      rule: 'pp416_written_10_working_days',
    });
  });

  it('should give a non-owner 30 calendar days: Wed 15.10.2025', () => {
    expect(due({ requester: 'other' })).toEqual({
      at: '2025-10-15T18:59:59.999Z',
      rule: 'pp416_non_owner_30_days',
    });
  });

  it('should answer a request for basic information the next working day: Tue 16.09.2025', () => {
    expect(due({ kind: 'information' }).at).toBe('2025-09-16T18:59:59.999Z');
  });

  it('should give a meter check 10 calendar days: Thu 25.09.2025', () => {
    expect(due({ kind: 'meter_check' })).toEqual({
      at: '2025-09-25T18:59:59.999Z',
      rule: 'pp354_meter_check_10_days',
    });
  });

  it('should skip the New Year days off for a request of Fri 26.12.2025', () => {
    expect(due({ receivedAt: new Date('2025-12-26T06:00:00Z') }).at).toBe(
      '2026-01-21T18:59:59.999Z',
    );
  });

  it('should count the day of receipt in the house zone, not in UTC', () => {
    // 23:30 on Friday 12.09 in Ekaterinburg is still Friday there; UTC says 18:30 Friday too,
    // but 00:30 Saturday local is 19:30 Friday UTC and must count from Saturday.
    const saturdayLocal = new Date('2025-09-12T19:30:00Z');

    expect(due({ receivedAt: saturdayLocal }).at).toBe('2025-09-26T18:59:59.999Z');
  });

  it('should give an emergency 10 minutes, 30 minutes to localise and 3 days to repair', () => {
    const deadlines = computeDeadlines({ ...base, priority: 'emergency' });

    expect(deadlines.map((d) => [d.kind, d.dueAt.toISOString(), d.ruleId])).toEqual([
      ['response', '2025-09-15T05:10:00.000Z', 'pp416_callback_10min'],
      ['localisation', '2025-09-15T05:30:00.000Z', 'pp416_localise_30min'],
      ['resolution', '2025-09-18T05:00:00.000Z', 'pp416_repair_3days'],
    ]);
  });

  it('should give a sewer blockage 2 hours', () => {
    expect(due({ priority: 'urgent', blockage: 'sewer' }, 'resolution').at).toBe(
      '2025-09-15T07:00:00.000Z',
    );
  });

  it('should count a garbage chute blockage only between 08:00 and 23:00', () => {
    // 22:30 local: 30 minutes that evening, 90 from 08:00 → 09:30 local = 04:30 UTC next day.
    expect(withinDailyWindow(new Date('2025-09-15T17:30:00Z'), 120, TZ).toISOString()).toBe(
      '2025-09-16T04:30:00.000Z',
    );
    // 03:00 local: the clock starts at 08:00 → 10:00 local.
    expect(withinDailyWindow(new Date('2025-09-14T22:00:00Z'), 120, TZ).toISOString()).toBe(
      '2025-09-15T05:00:00.000Z',
    );
  });

  it("should apply an organisation's own repair term to the resolution only", () => {
    const deadlines = computeDeadlines({ ...base, repairTerm: { days: 5 } });

    expect(deadlines.map((d) => [d.kind, d.dueAt.toISOString(), d.ruleId])).toEqual([
      ['response', '2025-09-29T18:59:59.999Z', 'pp416_written_10_working_days'],
      ['resolution', '2025-09-20T18:59:59.999Z', 'org_term'],
    ]);
  });
});

describe('organisation terms', () => {
  it('should refuse P60D: the maximum is P45D (C21)', () => {
    expect(parseTermOverride('P60D')).toEqual({ ok: false, reason: 'too_long' });
    expect(parseTermOverride('P45D')).toEqual({ ok: true, term: { days: 45 } });
    expect(parseTermOverride('PT48H')).toEqual({ ok: true, term: { hours: 48 } });
    expect(parseTermOverride('PT1081H')).toEqual({ ok: false, reason: 'too_long' });
    expect(parseTermOverride('P0D')).toEqual({ ok: false, reason: 'zero' });
    expect(parseTermOverride('10 days')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('reminders', () => {
  it('should remind a day before a long term and a fifth before a short one', () => {
    const [reply] = computeDeadlines(base);
    const remind = reminderAt(reply!, MONDAY, MONDAY)!;

    expect(reply!.dueAt.getTime() - remind.getTime()).toBe(24 * 3600 * 1000);

    const thirty = { dueAt: new Date(MONDAY.getTime() + 30 * 60_000) };

    expect(reminderAt(thirty, MONDAY, MONDAY)!.toISOString()).toBe('2025-09-15T05:24:00.000Z');
    expect(reminderAt(thirty, MONDAY, new Date('2025-09-15T05:25:00Z'))).toBeNull();
  });
});
