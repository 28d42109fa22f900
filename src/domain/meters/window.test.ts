import { describe, expect, it } from 'vitest';

import { attributeReading, checkWindow, isWindowOpen } from './window.js';
import { checkSettings, DEFAULT_SETTINGS } from './settings.js';

const WINDOW = { startDay: 20, endDay: 25, latePolicy: 'next_period' as const };

describe('the submission window (case C13)', () => {
  it('a) counts a reading of the 23rd for the month itself', () => {
    expect(attributeReading('2026-03-23', WINDOW)).toMatchObject({
      ok: true,
      period: '2026-03',
      late: false,
    });
  });

  it('b) attributes a reading of the 26th to the next period, with its own window', () => {
    expect(attributeReading('2026-03-26', WINDOW)).toEqual({
      ok: true,
      period: '2026-04',
      late: true,
      opensOn: '2026-04-20',
      closesOn: '2026-04-25',
    });
    expect(attributeReading('2026-12-27', WINDOW)).toMatchObject({ period: '2027-01', late: true });
  });

  it('b) under the «not counted» policy refuses a late reading and names the next window', () => {
    expect(attributeReading('2026-03-26', { ...WINDOW, latePolicy: 'not_counted' })).toEqual({
      ok: false,
      code: 'reading_window_closed',
      nextOpensOn: '2026-04-20',
      closesOn: '2026-03-25',
    });
    expect(attributeReading('2026-03-22', { ...WINDOW, latePolicy: 'not_counted' })).toMatchObject({
      ok: true,
    });
  });

  it('d) refuses window days outside 1..31 and a start after the end', () => {
    expect(checkWindow({ startDay: 32, endDay: 25 })).toBe('window_day_out_of_range');
    expect(checkWindow({ startDay: 20, endDay: 0 })).toBe('window_day_out_of_range');
    expect(checkWindow({ startDay: 2.5, endDay: 25 })).toBe('window_day_out_of_range');
    expect(checkWindow({ startDay: 26, endDay: 25 })).toBe('window_start_after_end');
    expect(checkWindow({ startDay: 1, endDay: 31 })).toBeNull();
  });

  it('reads «to the 31st» as the month end, February included', () => {
    const all = { startDay: 1, endDay: 31, latePolicy: 'next_period' as const };

    expect(attributeReading('2026-02-28', all)).toMatchObject({
      period: '2026-02',
      late: false,
      closesOn: '2026-02-28',
    });
    expect(isWindowOpen('2026-02-28', { ...all, startDay: 30 })).toBe(true);
  });

  it('defaults to the rules: 23rd to 25th, late readings to the next period, decreases flagged', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      startDay: 23,
      endDay: 25,
      latePolicy: 'next_period',
      decreasePolicy: 'flag',
    });
    expect(checkSettings(DEFAULT_SETTINGS)).toBeNull();
    expect(checkSettings({ ...DEFAULT_SETTINGS, jumpFactor: 1 })).toBe('jump_factor_out_of_range');
  });
});
