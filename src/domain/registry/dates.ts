import { TZDate } from '@date-fns/tz';

import { isMissing, squeeze, type Parsed } from './values.js';

const NONE: Parsed<never> = { value: null };

// «09.04.2016 в 06:24» as the portal prints it; «09.04.2016 06:24» and a bare date are accepted
// because re-saved extracts lose the «в».
const PORTAL_TIMESTAMP =
  /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(?:в\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;
const CALENDAR_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));

  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

// Offsets only change on the hour, so one zone lookup per (zone, date, hour) serves a whole
// extract; the lookup itself is slow (tens of microseconds) next to everything else in a row.
const offsets = new Map<string, number>();

function zoneOffsetMs(timeZone: string, parts: number[]): number {
  const [year, month, day, hour] = parts as [number, number, number, number];
  const key = `${timeZone}|${year}-${month}-${day}T${hour}`;
  let offset = offsets.get(key);

  if (offset === undefined) {
    const wall = Date.UTC(year, month - 1, day, hour);

    offset = wall - new TZDate(year, month - 1, day, hour, 0, 0, timeZone).getTime();

    if (offsets.size > 100_000) {
      offsets.clear();
    }

    offsets.set(key, offset);
  }

  return offset;
}

/**
 * LASTUPDATE of the portal: a wall-clock time in the house's zone, returned as a UTC ISO
 * instant. The zone's historical offsets apply (Yekaterinburg was UTC+6 until October 2014).
 */
export function parsePortalTimestamp(raw: string | undefined, timeZone: string): Parsed<string> {
  if (isMissing(raw)) {
    return NONE;
  }

  const match = PORTAL_TIMESTAMP.exec(squeeze(raw ?? ''));

  if (!match) {
    return { value: null, issue: 'invalid' };
  }

  const [day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));

  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { value: null, issue: 'invalid' };
  }

  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = zoneOffsetMs(timeZone, [year, month, day, hour]);

  return { value: new Date(wall - offset).toISOString() };
}

/** A calendar date «01.06.2006» (or ISO «2006-06-01») as ISO `YYYY-MM-DD`, years in range. */
export function parseCalendarDate(
  raw: string | undefined,
  range: { minYear: number; maxYear: number },
): Parsed<string> {
  if (isMissing(raw)) {
    return NONE;
  }

  const text = squeeze(raw ?? '');
  const dotted = CALENDAR_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  let parts: [number, number, number];

  if (dotted) {
    parts = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  } else if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return { value: null, issue: 'invalid' };
  }

  const [year, month, day] = parts;

  if (!isRealDate(year, month, day)) {
    return { value: null, issue: 'invalid' };
  }

  if (year < range.minYear || year > range.maxYear) {
    return { value: null, issue: 'out_of_range' };
  }

  return {
    value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}
