/**
 * The time the meetings rules see. A meeting lasts at least 17 days (10 of notice, 7 of voting),
 * so tests and the demo move this clock forward instead of waiting; production never shifts it
 * (the demo clock endpoint exists only on a demo outside production).
 */
export const meetingsClock = {
  offsetMs: 0,
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  },
};

/** The date in a time zone, YYYY-MM-DD. */
export function dateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
