import { addMonths, dayIn, daysInMonth, periodOf, type Period } from './periods.js';

/**
 * When readings are taken. ПП 354 has them submitted by the 25th (taken 23rd–25th); an
 * organisation may set its own window (the condo platform uses 20th–25th). `latePolicy` says
 * what happens to a reading after the window: it counts for the next period, or it is not
 * accepted and the month is billed on the average (case C13).
 */
export type ReadingWindow = {
  startDay: number;
  endDay: number;
  latePolicy: 'next_period' | 'not_counted';
};

export const DEFAULT_WINDOW: ReadingWindow = {
  startDay: 23,
  endDay: 25,
  latePolicy: 'next_period',
};

export type WindowProblem = 'window_day_out_of_range' | 'window_start_after_end';

/** Days are 1..31 (31 means "to the month's end"), the start no later than the end. */
export function checkWindow(window: { startDay: number; endDay: number }): WindowProblem | null {
  const inRange = (d: number) => Number.isInteger(d) && d >= 1 && d <= 31;

  if (!inRange(window.startDay) || !inRange(window.endDay)) {
    return 'window_day_out_of_range';
  }

  return window.startDay > window.endDay ? 'window_start_after_end' : null;
}

export type Attribution =
  | { ok: true; period: Period; late: boolean; opensOn: string; closesOn: string }
  | { ok: false; code: 'reading_window_closed'; nextOpensOn: string; closesOn: string };

/**
 * The billing period a reading taken on `date` (the house's local date) belongs to. Up to the
 * window's last day it is this month's reading; after it, next month's — or refused, by policy.
 */
export function attributeReading(date: string, window: ReadingWindow): Attribution {
  const period = periodOf(date);
  const opensOn = dayIn(period, window.startDay);
  const closesOn = dayIn(period, window.endDay);

  if (window.latePolicy === 'not_counted' && (date < opensOn || date > closesOn)) {
    const next = date > closesOn ? addMonths(period, 1) : period;

    return {
      ok: false,
      code: 'reading_window_closed',
      nextOpensOn: dayIn(next, window.startDay),
      closesOn,
    };
  }

  if (date <= closesOn) {
    return { ok: true, period, late: false, opensOn, closesOn };
  }

  const next = addMonths(period, 1);

  return {
    ok: true,
    period: next,
    late: true,
    opensOn: dayIn(next, window.startDay),
    closesOn: dayIn(next, window.endDay),
  };
}

/** Whether the window of the date's month is open on that date. */
export function isWindowOpen(date: string, window: ReadingWindow): boolean {
  const period = periodOf(date);
  const day = Number(date.slice(8, 10));

  return (
    day >= Math.min(window.startDay, daysInMonth(period)) && date <= dayIn(period, window.endDay)
  );
}
