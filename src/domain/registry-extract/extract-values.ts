/**
 * Single values of a registry extract: areas as exact hundredths of a square metre, dates, the
 * kind of an object and of an owner. Each parser answers with the value or the reason it fails.
 */

export type ObjectKind = 'flat' | 'non_residential' | 'parking' | 'storage';
export type OwnerKind = 'person' | 'company' | 'municipality';

export type ValueResult<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

/** The largest area accepted, m²: a whole shopping centre is one object, 10⁶ m² is a typo. */
export const MAX_AREA_CENTI = 100_000_000;

/** Registry dates before this are typos: no right in force was registered earlier. */
export const EARLIEST_DATE = '1900-01-01';

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е').replace(/\s+/gu, ' ').trim();
}

/**
 * `45.3`, `45,30`, `1 234,5` → hundredths of m². At most two decimals: a third one is not
 * rounded away but refused, since the registry states areas to the tenth or hundredth.
 */
export function parseAreaCenti(
  input: string,
): ValueResult<number, 'format' | 'zero' | 'too_large'> {
  const text = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text);

  if (!match) {
    return { ok: false, problem: 'format' };
  }

  const centi = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));

  if (centi === 0) {
    return { ok: false, problem: 'zero' };
  }

  if (centi > MAX_AREA_CENTI) {
    return { ok: false, problem: 'too_large' };
  }

  return { ok: true, value: centi };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));

  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/**
 * A calendar date as `2015-06-01` or `01.06.2015`, returned as ISO. Impossible dates
 * (31.02.2015), dates after `today` and dates before 1900 are refused with the reason.
 */
export function parseExtractDate(
  input: string,
  today: string,
): ValueResult<string, 'format' | 'future' | 'too_old'> {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const russian = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : russian
      ? [russian[3], russian[2], russian[1]]
      : [];

  if (!year || !month || !day || !isRealDate(Number(year), Number(month), Number(day))) {
    return { ok: false, problem: 'format' };
  }

  const value = `${year}-${month}-${day}`;

  if (value > today) {
    return { ok: false, problem: 'future' };
  }

  if (value < EARLIEST_DATE) {
    return { ok: false, problem: 'too_old' };
  }

  return { ok: true, value };
}

// The registry's own words for the kinds of objects, and the English codes of the platform.
const OBJECT_KINDS = new Map<string, ObjectKind>(
  Object.entries({
    flat: 'flat',
    квартира: 'flat',
    'жилое помещение': 'flat',
    non_residential: 'non_residential',
    'non-residential': 'non_residential',
    'нежилое помещение': 'non_residential',
    нежилое: 'non_residential',
    parking: 'parking',
    'машино-место': 'parking',
    машиноместо: 'parking',
    'машино место': 'parking',
    'парковочное место': 'parking',
    storage: 'storage',
    кладовая: 'storage',
    'хозяйственная кладовая': 'storage',
    'кладовое помещение': 'storage',
  } satisfies Record<string, ObjectKind>),
);

const OWNER_KINDS = new Map<string, OwnerKind>(
  Object.entries({
    person: 'person',
    'физическое лицо': 'person',
    'физ. лицо': 'person',
    'физ лицо': 'person',
    гражданин: 'person',
    company: 'company',
    'юридическое лицо': 'company',
    'юр. лицо': 'company',
    'юр лицо': 'company',
    организация: 'company',
    municipality: 'municipality',
    'муниципальное образование': 'municipality',
    'муниципальная собственность': 'municipality',
  } satisfies Record<string, OwnerKind>),
);

export function parseObjectKind(input: string): ValueResult<ObjectKind, 'unknown_value'> {
  // A Map, not an object: «constructor» or «__proto__» in a file must not look like a kind.
  const kind = OBJECT_KINDS.get(fold(input));

  return kind ? { ok: true, value: kind } : { ok: false, problem: 'unknown_value' };
}

export function parseOwnerKind(input: string): ValueResult<OwnerKind, 'unknown_value'> {
  const kind = OWNER_KINDS.get(fold(input));

  return kind ? { ok: true, value: kind } : { ok: false, problem: 'unknown_value' };
}

/** hundredths of m² → `45.30`. */
export function formatAreaCenti(centi: number): string {
  return `${Math.trunc(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}
