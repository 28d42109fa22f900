/** Billing periods are calendar months written `YYYY-MM`; dates are `YYYY-MM-DD` strings. */

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  const match = PERIOD.exec(text);

  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2100;
}

function parts(period: string): [number, number] {
  if (!isPeriod(period)) {
    throw new RangeError(`not a period: ${period}`);
  }

  return [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
}

export function periodOf(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;

  return `${y}-${String(m).padStart(2, '0')}`;
}

export function addMonths(period: string, months: number): string {
  const [year, month] = parts(period);

  return periodOf(year, month + months);
}

export function firstDay(period: string): string {
  return `${period}-01`;
}

export function lastDay(period: string): string {
  const [year, month] = parts(period);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();

  return `${period}-${String(days).padStart(2, '0')}`;
}

/** The date a period's bill is due: `dueDay` of the next month (ЖК ст. 155 ч. 1: the 10th). */
export function dueDate(period: string, dueDay = 10): string {
  const next = addMonths(period, 1);
  const days = Number(lastDay(next).slice(8));

  return `${next}-${String(Math.min(dueDay, days)).padStart(2, '0')}`;
}

/** MMYYYY, as the QR's PaymPeriod carries it. */
export function periodForQr(period: string): string {
  return `${period.slice(5, 7)}${period.slice(0, 4)}`;
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);

  at.setUTCDate(at.getUTCDate() + days);

  return at.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (no 31 February). */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) {
    return false;
  }

  const at = new Date(`${text}T00:00:00Z`);

  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}
