import { TZDate } from '@date-fns/tz';

import type { IsoDate } from './production-calendar.js';

/**
 * Deadline arithmetic in a house's time zone. A term "ends on a date" at the end of that day where
 * the house is (Ekaterinburg is UTC+5): 23:59:59.999 local, which is 18:59:59.999 UTC.
 */

/** The local calendar date of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const local = new TZDate(instant.getTime(), timeZone);
  const month = String(local.getMonth() + 1).padStart(2, '0');
  const day = String(local.getDate()).padStart(2, '0');

  return `${local.getFullYear()}-${month}-${day}`;
}

/** The local hour and minute of an instant, as minutes since local midnight. */
export function localMinutesOf(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);

  return local.getHours() * 60 + local.getMinutes();
}

/** The instant a local date and time happen in the zone. */
export function zonedInstant(date: IsoDate, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0, timeZone);

  return new Date(local.getTime());
}

/** The last millisecond of a local date in the zone: when a term ending that day runs out. */
export function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone);

  return new Date(local.getTime());
}

/** Whether the string names a time zone the runtime knows (`Asia/Yekaterinburg`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });

    return true;
  } catch {
    return false;
  }
}
