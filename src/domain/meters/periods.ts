/** Billing periods are calendar months written 'YYYY-MM'; dates are 'YYYY-MM-DD'. */
export type Period = string;

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function periodOf(date: string): Period {
  return date.slice(0, 7);
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;

  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function daysInMonth(period: Period): number {
  const [year, month] = period.split('-').map(Number) as [number, number];

  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function firstDayOf(period: Period): string {
  return `${period}-01`;
}

export function lastDayOf(period: Period): string {
  return `${period}-${String(daysInMonth(period)).padStart(2, '0')}`;
}

/** The day of the month of a date, clamped to the month's length (a window "to the 31st"). */
export function dayIn(period: Period, day: number): string {
  return `${period}-${String(Math.min(day, daysInMonth(period))).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive, oldest first. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];

  for (let p = from; p <= to; p = addMonths(p, 1)) {
    out.push(p);
  }

  return out;
}
