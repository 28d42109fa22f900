import { parseDecimal, type Scaled } from './decimal.js';
import type { TariffZone } from './zones.js';

/** Columns of a readings import file, matched by any of their names, case and spaces aside. */
export const READING_COLUMNS = {
  serial: [
    'заводской номер',
    'номер прибора',
    'серийный номер',
    'serial',
    'serial number',
    'meter',
  ],
  zone: ['зона', 'тариф', 'tariff', 'zone'],
  value: ['показание', 'показания', 'value', 'reading'],
  takenOn: ['дата', 'дата показания', 'date', 'taken on'],
} as const;

export type ReadingColumn = keyof typeof READING_COLUMNS;

export type ReadingHeader =
  { ok: true; positions: Record<ReadingColumn, number> } | { ok: false; missing: ReadingColumn[] };

function norm(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ');
}

/** Finds the columns; the zone may be absent (single-zone meters), the others are required. */
export function readReadingHeader(cells: readonly string[]): ReadingHeader {
  const names = cells.map(norm);
  const positions = {} as Record<ReadingColumn, number>;
  const missing: ReadingColumn[] = [];

  for (const [column, aliases] of Object.entries(READING_COLUMNS) as [
    ReadingColumn,
    readonly string[],
  ][]) {
    const at = names.findIndex((n) => aliases.some((a) => norm(a) === n));

    if (at < 0 && column !== 'zone') {
      missing.push(column);
    }

    positions[column] = at;
  }

  return missing.length ? { ok: false, missing } : { ok: true, positions };
}

const ZONE_NAMES: Record<string, TariffZone> = {
  '': 'single',
  single: 'single',
  одна: 'single',
  однотарифный: 'single',
  t1: 'day',
  т1: 'day',
  day: 'day',
  день: 'day',
  t2: 'night',
  т2: 'night',
  night: 'night',
  ночь: 'night',
  peak: 'peak',
  пик: 'peak',
  t3: 'semi_peak',
  т3: 'semi_peak',
  semi_peak: 'semi_peak',
  полупик: 'semi_peak',
};

export type ImportRowCode =
  | 'import_row_unreadable'
  | 'import_serial_missing'
  | 'import_zone_unknown'
  | 'import_date_invalid'
  | 'reading_not_a_number'
  | 'reading_negative'
  | 'reading_too_precise';

export type ImportRow =
  | {
      ok: true;
      serial: string;
      zone: TariffZone;
      value: Scaled;
      fractionDigits: number;
      takenOn: string | null;
    }
  | { ok: false; code: ImportRowCode };

/** A date as spreadsheets write it: 2026-03-23, 23.03.2026 or 23/03/2026. */
export function parseImportDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text);
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];

  if (!y || !m || !d) {
    return null;
  }

  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);

  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
    ? date
    : null;
}

/** One data row's cells; the meter's own rules are applied later, against its history. */
export function parseImportRow(
  cells: readonly string[],
  positions: Record<ReadingColumn, number>,
): ImportRow {
  const cell = (c: ReadingColumn) => (positions[c] >= 0 ? (cells[positions[c]] ?? '').trim() : '');
  const serial = cell('serial');

  if (!serial || serial.length > 60) {
    return { ok: false, code: 'import_serial_missing' };
  }

  const zone = ZONE_NAMES[cell('zone').toLowerCase()];

  if (!zone) {
    return { ok: false, code: 'import_zone_unknown' };
  }

  const rawDate = cell('takenOn');
  const takenOn = rawDate ? parseImportDate(rawDate) : null;

  if (rawDate && !takenOn) {
    return { ok: false, code: 'import_date_invalid' };
  }

  const value = parseDecimal(cell('value').slice(0, 40));

  if (!value.ok) {
    return { ok: false, code: value.code };
  }

  return {
    ok: true,
    serial,
    zone,
    value: value.value,
    fractionDigits: value.fractionDigits,
    takenOn,
  };
}
