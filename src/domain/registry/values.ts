/**
 * Cell-level rules for registry extracts of the housing-disclosure portal. Every parser gives
 * back a value or null; a null caused by a value that was present but unusable carries an
 * `issue`, so the importer can report it instead of silently storing nothing.
 */

export type ValueIssue = 'invalid' | 'out_of_range';

export type Parsed<T> = { value: T | null; issue?: ValueIssue };

const NONE: Parsed<never> = { value: null };

// What the portal (and the people filling it in) write instead of leaving a cell empty. Compared
// after folding case, ё and spaces, so «НЕ ЗАПОЛНЕНО» and «не  заполнено» count too.
const MISSING_MARKERS = new Set([
  '',
  '-',
  '--',
  '—',
  '–',
  '.',
  '?',
  'не заполнено',
  'незаполнено',
  'не заполнен',
  'не указано',
  'нет данных',
  'данные отсутствуют',
  'н/д',
  'null',
  'n/a',
]);

/** Trims, turns non-breaking spaces into spaces and collapses runs of whitespace. */
export function squeeze(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

// The two spellings that fill a quarter of every column, checked before any folding.
const COMMON_MARKERS = new Set(['Не заполнено', 'Незаполнено', '']);
// Padding aside, a marker is short; a long cell is a value and skips the folding below.
const LONGEST_MARKER = 2 * Math.max(...[...MISSING_MARKERS].map((marker) => marker.length));

export function isMissing(raw: string | undefined | null): boolean {
  if (raw == null || COMMON_MARKERS.has(raw)) {
    return true;
  }

  if (raw.length > LONGEST_MARKER) {
    return false;
  }

  return MISSING_MARKERS.has(squeeze(raw).toLowerCase().replaceAll('ё', 'е'));
}

/** Free text: squeezed, or null when the cell holds a missing-value marker. */
export function parseText(raw: string | undefined): Parsed<string> {
  return isMissing(raw) ? NONE : { value: squeeze(raw ?? '') };
}

/**
 * A whole number, allowing digit groups split by spaces («1 598») and a zero fractional part
 * («5.0»), within `[min, max]`. Values outside the range are implausible for the field (a house
 * with 3 327 950 flats) and become null with `out_of_range`.
 */
export function parseInteger(
  raw: string | undefined,
  range: { min: number; max: number },
): Parsed<number> {
  if (isMissing(raw)) {
    return NONE;
  }

  const compact = squeeze(raw ?? '').replace(/(\d) (?=\d{3}\b)/g, '$1');
  const match = /^([+-]?\d+)(?:[.,]0+)?$/.exec(compact);

  if (!match?.[1]) {
    return { value: null, issue: 'invalid' };
  }

  const value = Number(match[1]);

  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    return { value: null, issue: 'out_of_range' };
  }

  return { value };
}

/**
 * An area in square metres as an exact decimal string with two places («116.8» → «116.80»,
 * «1 234,5» → «1234.50»). More than two places are rounded half away from zero on the digits
 * themselves, never through a float.
 */
export function parseArea(raw: string | undefined, max = 9_999_999_999.99): Parsed<string> {
  if (isMissing(raw)) {
    return NONE;
  }

  const compact = squeeze(raw ?? '').replace(/(\d) (?=\d{3}\b)/g, '$1');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);

  if (!match?.[1]) {
    return { value: null, issue: 'invalid' };
  }

  const fraction = match[2] ?? '';
  let cents = BigInt(match[1]) * 100n + BigInt((fraction + '00').slice(0, 2));

  if ((fraction[2] ?? '0') >= '5') {
    cents += 1n;
  }

  if (cents > BigInt(Math.round(max * 100))) {
    return { value: null, issue: 'out_of_range' };
  }

  const whole = cents / 100n;
  const rest = (cents % 100n).toString().padStart(2, '0');

  return { value: `${whole}.${rest}` };
}

/** A construction year: four digits, optionally followed by «г.», within the plausible range. */
export function parseYear(
  raw: string | undefined,
  range: { min: number; max: number },
): Parsed<number> {
  if (isMissing(raw)) {
    return NONE;
  }

  const match = /^(\d{1,4})\s*(?:г\.?|год)?$/i.exec(squeeze(raw ?? ''));

  if (!match?.[1]) {
    return { value: null, issue: 'invalid' };
  }

  const year = Number(match[1]);

  if (match[1].length !== 4 || year < range.min || year > range.max) {
    return { value: null, issue: 'out_of_range' };
  }

  return { value: year };
}

const YES = new Set(['да', 'yes', 'true', '1', 'имеется']);
const NO = new Set(['нет', 'no', 'false', '0', 'не имеется']);

/** Да/Нет flags such as AVAR (the house is in emergency condition). */
export function parseFlag(raw: string | undefined): Parsed<boolean> {
  if (isMissing(raw)) {
    return NONE;
  }

  const folded = squeeze(raw ?? '').toLowerCase();

  if (YES.has(folded)) {
    return { value: true };
  }

  if (NO.has(folded)) {
    return { value: false };
  }

  return { value: null, issue: 'invalid' };
}

/** A decimal number with a dot or a comma, for coordinates. */
export function parseDecimal(raw: string | undefined): Parsed<number> {
  if (isMissing(raw)) {
    return NONE;
  }

  const compact = squeeze(raw ?? '').replace(',', '.');

  if (!/^[+-]?\d+(?:\.\d+)?$/.test(compact)) {
    return { value: null, issue: 'invalid' };
  }

  return { value: Number(compact) };
}
