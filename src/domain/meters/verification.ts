/**
 * Verification (поверка): a meter is usable until its last verification (or, never verified,
 * its installation — the factory verification) plus the interval of its type approval. The
 * interval is stored per meter; typical defaults are 6 years for cold water and 4 for hot.
 */
export const DEFAULT_INTERVAL_MONTHS: Record<string, number> = {
  cold_water: 72,
  hot_water: 48,
  electricity: 192,
  heat: 48,
  gas: 120,
};

/** The last day the meter may be used: the day before the anniversary, clamped to month end. */
export function nextVerificationOn(from: string, intervalMonths: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + intervalMonths;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const anniversary = new Date(Date.UTC(year, month - 1, Math.min(d, last)));

  anniversary.setUTCDate(anniversary.getUTCDate() - 1);

  return anniversary.toISOString().slice(0, 10);
}

export function isVerificationExpired(dueOn: string | null, onDate: string): boolean {
  return dueOn !== null && onDate > dueOn;
}

/** Days from `onDate` to the due date (negative once expired). */
export function daysUntil(dueOn: string, onDate: string): number {
  return Math.round(
    (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${onDate}T00:00:00Z`)) / 86_400_000,
  );
}
