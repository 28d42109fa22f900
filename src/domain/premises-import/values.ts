import { checkSingleAccountNumber } from '../accounts/single-account-number.js';
import { checkCadastralNumber, checkInn } from '../identifiers/checksums.js';
import { isPremiseNumber } from '../premises/premise-number.js';
import { parseCalendarDate } from '../registry/dates.js';
import { isMissing, parseArea, parseInteger, squeeze } from '../registry/values.js';
import { parseShare, reduce, type Share } from '../shares/fraction.js';
import type { ProblemCode } from './problems.js';

/**
 * Cell-level rules of the premises import. Every parser answers with a value (null for an empty
 * cell) or the code of what is wrong, never a guess: a value that cannot be read exactly is
 * refused, because nothing of a file lands unless all of it does.
 */

export type PremiseKind = 'flat' | 'non_residential' | 'parking' | 'storage';

export type OwnerKind = 'person' | 'company' | 'municipality';

export type Cell<T> =
  | { ok: true; value: T | null }
  | { ok: false; code: ProblemCode; params?: Record<string, string | number> };

const EMPTY = { ok: true, value: null } as const;

const fail = (code: ProblemCode, params?: Record<string, string | number>) =>
  ({ ok: false, code, ...(params ? { params } : {}) }) as const;

// Tab, line feed and carriage return are whitespace a spreadsheet may leave in a cell.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\uFEFF]/;

/** Longest cell read at all; anything longer is refused before any other rule. */
export const MAX_CELL = 1000;

/** Free text: squeezed, at most `max` characters, no control characters. */
export function parseText(raw: string, max: number): Cell<string> {
  if (raw.length > MAX_CELL) {
    return fail('too_long', { max });
  }

  if (isMissing(raw)) {
    return EMPTY;
  }

  if (CONTROL.test(raw)) {
    return fail('control_characters');
  }

  const value = squeeze(raw);

  return value.length > max ? fail('too_long', { max }) : { ok: true, value };
}

/** Folds a word for matching: case, ё, dots, dashes, slashes and spaces do not matter. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s.\-/\\_]+/g, '');
}

const KINDS: Record<string, PremiseKind> = {};
const OWNER_KINDS: Record<string, OwnerKind> = {};

const addNames = <T extends string>(table: Record<string, T>, value: T, names: string[]) => {
  for (const name of names) {
    table[fold(name)] = value;
  }
};

addNames(KINDS, 'flat', ['кв', 'квартира', 'жилое', 'жилое помещение', 'flat', 'apartment']);
addNames(KINDS, 'non_residential', [
  'нп',
  'нж',
  'нежилое',
  'нежилое помещение',
  'non_residential',
  'non-residential',
  'nonresidential',
]);
addNames(KINDS, 'parking', [
  'мм',
  'м/м',
  'машиноместо',
  'машино-место',
  'парковочное место',
  'parking',
  'parking place',
  'parking space',
]);
addNames(KINDS, 'storage', ['кл', 'кладовая', 'кладовка', 'кладовое помещение', 'storage']);

addNames(OWNER_KINDS, 'person', [
  'фл',
  'физлицо',
  'физ лицо',
  'физическое лицо',
  'гражданин',
  'ип',
  'person',
  'individual',
]);
addNames(OWNER_KINDS, 'company', [
  'юл',
  'юрлицо',
  'юр лицо',
  'юридическое лицо',
  'организация',
  'company',
  'organisation',
  'organization',
  'legal entity',
]);
addNames(OWNER_KINDS, 'municipality', [
  'мо',
  'муниципалитет',
  'муниципальное образование',
  'муниципальная собственность',
  'municipality',
  'municipal',
]);

export function parseKind(raw: string): Cell<PremiseKind> {
  const text = parseText(raw, 40);

  if (!text.ok || text.value === null) {
    return text.ok ? EMPTY : text;
  }

  const kind = KINDS[fold(text.value)];

  return kind ? { ok: true, value: kind } : fail('kind_unknown', { value: text.value });
}

export function parseOwnerKind(raw: string): Cell<OwnerKind> {
  const text = parseText(raw, 40);

  if (!text.ok || text.value === null) {
    return text.ok ? EMPTY : text;
  }

  const kind = OWNER_KINDS[fold(text.value)];

  return kind ? { ok: true, value: kind } : fail('owner_kind_unknown', { value: text.value });
}

export function parseWhole(raw: string, range: { min: number; max: number }): Cell<number> {
  if (raw.length > MAX_CELL) {
    return fail('too_long', { max: 10 });
  }

  const parsed = parseInteger(raw, range);

  if (parsed.issue === 'invalid') {
    return fail('integer_invalid');
  }

  if (parsed.issue === 'out_of_range') {
    return fail('integer_range', range);
  }

  return { ok: true, value: parsed.value };
}

/** Largest area of one premise, in square metres; a larger number is a typo or a whole house. */
export const MAX_AREA = 100_000;

/** An area as an exact decimal string with two places; a decimal comma is fine. */
export function parseAreaCell(raw: string): Cell<string> {
  if (raw.length > MAX_CELL) {
    return fail('too_long', { max: 20 });
  }

  const parsed = parseArea(raw, MAX_AREA);

  if (parsed.issue === 'invalid') {
    return fail('area_invalid');
  }

  if (parsed.issue === 'out_of_range' || parsed.value === '0.00') {
    return fail('area_range', { max: MAX_AREA });
  }

  return { ok: true, value: parsed.value };
}

export function parseCadastral(raw: string): Cell<string> {
  const text = parseText(raw, 40);

  if (!text.ok || text.value === null) {
    return text;
  }

  const check = checkCadastralNumber(text.value);

  return check.valid ? { ok: true, value: check.value } : fail('cadastral_invalid');
}

const SHARE_PROBLEMS = {
  format: 'share_invalid',
  zero: 'share_zero',
  above_one: 'share_above_one',
  too_large: 'share_too_large',
} as const;

/**
 * A share as `parseShare` reads it (`1/2`, `1`, `50%`), or as a decimal a spreadsheet writes for
 * a percent-formatted cell (`0,5`, `0.25`): a decimal is exactly the fraction it spells.
 */
export function parseShareCell(raw: string): Cell<Share> {
  const text = parseText(raw, 30);

  if (!text.ok || text.value === null) {
    return text.ok ? EMPTY : text;
  }

  const decimal = /^0*([01])[.,](\d{1,6})$/.exec(text.value.replace(/\s+/g, ''));

  if (decimal) {
    const digits = decimal[2] ?? '';
    const denominator = 10 ** digits.length;
    const numerator = Number(decimal[1]) * denominator + Number(digits);

    if (numerator === 0) {
      return fail('share_zero');
    }

    if (numerator > denominator) {
      return fail('share_above_one');
    }

    return { ok: true, value: reduce({ numerator, denominator }) };
  }

  const parsed = parseShare(text.value);

  return parsed.ok ? { ok: true, value: parsed.share } : fail(SHARE_PROBLEMS[parsed.problem]);
}

/** An organisation's ИНН: ten digits with the right check digit. */
export function parseOrganisationInn(raw: string): Cell<string> {
  const text = parseText(raw, 20);

  if (!text.ok || text.value === null) {
    return text;
  }

  const check = checkInn(text.value);

  if (!check.valid) {
    return fail(check.reason === 'checksum' ? 'inn_checksum' : 'inn_invalid');
  }

  return check.value.length === 10
    ? { ok: true, value: check.value }
    : fail('inn_not_organisation');
}

// Letters first, then letters, combining marks, spaces, dashes, apostrophes and dots: enough for
// «Салтыков-Щедрин», «Д'Артаньян», «Мамедов оглы». A leading «=», «+», «-» or «@», which a
// spreadsheet would run as a formula, cannot pass.
const NAME = /^\p{L}[\p{L}\p{M}' ’.-]*$/u;
const NAME_MAX = 60;

/** One part of a person's name. */
export function parseNamePart(raw: string): Cell<string> {
  const text = parseText(raw, NAME_MAX);

  if (!text.ok || text.value === null) {
    return text;
  }

  return NAME.test(text.value) ? text : fail('name_invalid');
}

export type PersonName = { surname: string; name: string; patronymic: string | null };

/** «Иванов Иван Иванович», «Мамедов Али Гусейн оглы»: surname, name, then the rest. */
export function parseFullName(raw: string): Cell<PersonName> {
  const text = parseText(raw, NAME_MAX * 3);

  if (!text.ok || text.value === null) {
    return text.ok ? EMPTY : text;
  }

  const words = text.value.split(' ');

  if (!words.every((word) => NAME.test(word))) {
    return fail('name_invalid');
  }

  const [surname, name, ...rest] = words;

  if (!surname || !name) {
    return fail('full_name_incomplete');
  }

  return { ok: true, value: { surname, name, patronymic: rest.length ? rest.join(' ') : null } };
}

/** A premise number: «12», «12А», «Н-3», «1/2», «П.4». */
export function parsePremiseNumber(raw: string): Cell<string> {
  const text = parseText(raw, 20);

  if (!text.ok || text.value === null) {
    return text;
  }

  return isPremiseNumber(text.value) ? text : fail('number_invalid');
}

// Latin letters typed for the Cyrillic ones they look like: «H1» and «Н1» are one premise.
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

/** The key premises are matched by: case, ё, spaces and Latin look-alikes folded. */
export function premiseNumberKey(number: string): string {
  return number
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\s+/g, '')
    .replace(/[a-z]/g, (letter) => LATIN_LOOKALIKES[letter] ?? letter);
}

/** The key a person's ownership is matched by: the full name, folded. */
export function personKey(person: PersonName): string {
  return [person.surname, person.name, person.patronymic ?? '']
    .join(' ')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A calendar date, `31.12.2020` or `2020-12-31`, not before 1900 and not after `today`. */
export function parseDateCell(raw: string, today: string): Cell<string> {
  if (raw.length > MAX_CELL) {
    return fail('too_long', { max: 10 });
  }

  const thisYear = Number(today.slice(0, 4));
  const parsed = parseCalendarDate(raw, { minYear: 1900, maxYear: thisYear });

  if (parsed.issue === 'invalid') {
    return fail('date_invalid');
  }

  if (parsed.issue === 'out_of_range') {
    return fail('date_range', { min: 1900, max: thisYear });
  }

  if (parsed.value !== null && parsed.value > today) {
    return fail('date_future');
  }

  return { ok: true, value: parsed.value };
}

export function parseAccountNumber(raw: string): Cell<string> {
  const text = parseText(raw, 20);

  if (!text.ok || text.value === null) {
    return text;
  }

  const check = checkSingleAccountNumber(text.value);

  return check.valid ? { ok: true, value: check.value } : fail('account_invalid');
}

export function parseLocalAccount(raw: string): Cell<string> {
  const text = parseText(raw, 30);

  if (!text.ok || text.value === null) {
    return text;
  }

  return /^[\p{L}\p{N}][\p{L}\p{N}\-/. ]*$/u.test(text.value)
    ? text
    : fail('local_account_invalid');
}
