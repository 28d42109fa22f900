import calendarData from '../../../data/calendar/ru-production-calendar.json';

/**
 * The Russian production calendar as data (`data/calendar/ru-production-calendar.json`): public
 * holidays, days off moved by the government's resolutions, working Saturdays and shortened
 * pre-holiday days. Weekday-only arithmetic gets the New Year and May wrong by a week (case C21),
 * so every working-day term of the platform is counted against this.
 */

/** A calendar date as `YYYY-MM-DD`, with no time and no zone. */
export type IsoDate = string;

export type CalendarYear = {
  source: string;
  /** `official`: a published resolution; `projected`: ТК ст. 112 only, transfers not yet known. */
  status: 'official' | 'projected';
  holidays: IsoDate[];
  transferredDaysOff: IsoDate[];
  workingWeekends: IsoDate[];
  shortenedDays: IsoDate[];
};

export type ProductionCalendar = {
  /** The years the calendar knows; outside them a date is judged by the weekday alone. */
  years: Record<string, CalendarYear>;
};

export const RU_CALENDAR: ProductionCalendar = calendarData as ProductionCalendar;

type Index = { off: Set<string>; working: Set<string>; shortened: Set<string>; years: Set<string> };

const indexes = new WeakMap<ProductionCalendar, Index>();

function indexOf(calendar: ProductionCalendar): Index {
  const cached = indexes.get(calendar);

  if (cached) {
    return cached;
  }

  const index: Index = {
    off: new Set(),
    working: new Set(),
    shortened: new Set(),
    years: new Set(Object.keys(calendar.years)),
  };

  for (const year of Object.values(calendar.years)) {
    year.holidays.forEach((d) => index.off.add(d));
    year.transferredDaysOff.forEach((d) => index.off.add(d));
    year.workingWeekends.forEach((d) => index.working.add(d));
    year.shortenedDays.forEach((d) => index.shortened.add(d));
  }

  indexes.set(calendar, index);

  return index;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a UTC midnight; throws on anything else, including 2025-02-30. */
export function parseIsoDate(date: IsoDate): Date {
  const match = ISO.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;

  if (!parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  }

  return parsed;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before, for a negative number). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const next = parseIsoDate(date);

  next.setUTCDate(next.getUTCDate() + days);

  return formatIsoDate(next);
}

/** Whether the calendar has data for the date's year (else only weekends count as days off). */
export function isCovered(date: IsoDate, calendar = RU_CALENDAR): boolean {
  return indexOf(calendar).years.has(date.slice(0, 4));
}

/** A working day: not a holiday or a moved day off, and not a weekend unless made a working one. */
export function isWorkingDay(date: IsoDate, calendar = RU_CALENDAR): boolean {
  const index = indexOf(calendar);

  if (index.working.has(date)) {
    return true;
  }

  if (index.off.has(date)) {
    return false;
  }

  const weekday = parseIsoDate(date).getUTCDay();

  return weekday !== 0 && weekday !== 6;
}

/** A working day one hour shorter, before a public holiday (ТК ст. 95). */
export function isShortenedDay(date: IsoDate, calendar = RU_CALENDAR): boolean {
  return indexOf(calendar).shortened.has(date) && isWorkingDay(date, calendar);
}

/**
 * The `n`-th working day after `date`, the count starting the next day (ГК ст. 191): ten working
 * days from Monday 15.09.2025 end on Monday 29.09.2025. `n` = 0 gives the date itself.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar = RU_CALENDAR): IsoDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  }

  let current = date;
  let left = n;

  while (left > 0) {
    current = addCalendarDays(current, 1);

    if (isWorkingDay(current, calendar)) {
      left -= 1;
    }
  }

  return current;
}

/** The first working day on or after `date`. */
export function nextWorkingDayFrom(date: IsoDate, calendar = RU_CALENDAR): IsoDate {
  let current = date;

  while (!isWorkingDay(current, calendar)) {
    current = addCalendarDays(current, 1);
  }

  return current;
}

/** Working days in the half-open range (from, to]: how many of the term have passed. */
export function countWorkingDays(from: IsoDate, to: IsoDate, calendar = RU_CALENDAR): number {
  let count = 0;

  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, calendar)) {
      count += 1;
    }
  }

  return count;
}
