import { describe, expect, it } from 'vitest';

import {
  addWorkingDays,
  countWorkingDays,
  isShortenedDay,
  isWorkingDay,
  nextWorkingDayFrom,
  parseIsoDate,
  RU_CALENDAR,
} from './production-calendar.js';
import { endOfLocalDay, localDateOf } from './zoned-time.js';

function workingDaysIn(year: string) {
  let count = 0;

  for (let d = parseIsoDate(`${year}-01-01`); d.getUTCFullYear() === +year;) {
    if (isWorkingDay(d.toISOString().slice(0, 10))) {
      count += 1;
    }

    d.setUTCDate(d.getUTCDate() + 1);
  }

  return count;
}

describe('production calendar', () => {
  it('should count 247 working days in 2025 and in 2026, as the official calendars do', () => {
    expect(workingDaysIn('2025')).toBe(247);
    expect(workingDaysIn('2026')).toBe(247);
  });

  it('should know moved days off and working Saturdays', () => {
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2025-11-01')).toBe(true);
    expect(isWorkingDay('2025-11-03')).toBe(false);
    expect(isWorkingDay('2025-12-31')).toBe(false);
    expect(isWorkingDay('2026-01-09')).toBe(false);
    expect(isWorkingDay('2026-01-12')).toBe(true);
    expect(isWorkingDay('2027-05-10')).toBe(false);
  });

  it('should mark shortened pre-holiday days', () => {
    expect(isShortenedDay('2025-03-07')).toBe(true);
    expect(isShortenedDay('2025-03-06')).toBe(false);
  });

  it('should count working days from the day after receipt (C21)', () => {
    expect(addWorkingDays('2025-09-15', 10)).toBe('2025-09-29');
    expect(addWorkingDays('2025-09-15', 1)).toBe('2025-09-16');
    expect(addWorkingDays('2025-09-15', 0)).toBe('2025-09-15');
    // Friday 26.12.2025: 29 and 30 December, then nothing until Monday 12 January.
    expect(addWorkingDays('2025-12-26', 10)).toBe('2026-01-21');
    expect(addWorkingDays('2025-12-26', 3)).toBe('2026-01-12');
    // Friday before the May holidays of 2025.
    expect(addWorkingDays('2025-04-30', 1)).toBe('2025-05-05');
  });

  it('should refuse nonsense instead of guessing', () => {
    expect(() => addWorkingDays('2025-09-15', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => isWorkingDay('15.09.2025')).toThrow(RangeError);
  });

  it('should find the next working day and count those between', () => {
    expect(nextWorkingDayFrom('2026-01-01')).toBe('2026-01-12');
    expect(countWorkingDays('2025-09-15', '2025-09-29')).toBe(10);
    expect(Object.keys(RU_CALENDAR.years)).toEqual(['2025', '2026', '2027']);
  });

  it("should end a day at the house's local midnight", () => {
    expect(endOfLocalDay('2025-09-29', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2025-09-29T18:59:59.999Z',
    );
    expect(localDateOf(new Date('2025-09-15T20:30:00Z'), 'Asia/Yekaterinburg')).toBe('2025-09-16');
    expect(localDateOf(new Date('2025-09-15T20:30:00Z'), 'Europe/Moscow')).toBe('2025-09-15');
  });
});
