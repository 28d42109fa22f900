/**
 * Names of management organisations as people type them into registries: nested and doubled
 * quotes, «ёлочки», “lapki”, angle brackets, Latin «OOO», spacing and case of every kind. Two
 * functions: a key that folds all of that for deduplication and search, and a tidy display name.
 */

export type OrganisationKind = 'management_company' | 'hoa' | 'housing_coop';

// Latin letters that look Cyrillic; typed by mistake in «OOO» or mixed into Cyrillic words.
const LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

const LEGAL_FORM_ABBREVIATIONS = new Set(['ооо', 'зао', 'оао', 'пао', 'ао', 'тсж', 'тсн', 'жск']);

// Full legal forms folded to the abbreviation people use, so both spellings share one key.
// Patterns run on the already folded text (lower case, е for ё, single spaces, no punctuation).
const LEGAL_FORMS: [RegExp, string][] = [
  [/общество с ограниченной ответственностью/g, 'ооо'],
  [/закрытое акционерное общество/g, 'зао'],
  [/открытое акционерное общество/g, 'оао'],
  [/публичное акционерное общество/g, 'пао'],
  [/акционерное общество/g, 'ао'],
  [/товарищество собственник(?:ов|а)? жилья/g, 'тсж'],
  [/товарищество собственник(?:ов|а)? недвижимости/g, 'тсн'],
  [/потребительский жилищно строительный кооператив/g, 'пжск'],
  [/жилищно строительный кооператив/g, 'жск'],
  [/жилищно эксплуатационный кооператив/g, 'жэк'],
  [/жилищный кооператив/g, 'жк'],
  [/управляющая жилищная компания/g, 'ужк'],
  [/управляющая компания/g, 'ук'],
  [/муниципальное унитарное предприятие/g, 'муп'],
];

const HOA_FORMS = new Set(['тсж', 'тсн']);
const COOP_FORMS = new Set(['жк', 'жск', 'пжск', 'жэк', 'пжэк', 'ожэк', 'пжсэк', 'жпк']);
// Generic prefixes («некоммерческая организация», «потребительское общество») that say nothing
// about what the organisation is; the next word does.
const NEUTRAL_PREFIXES = new Set(['но', 'по', 'пк', 'спк']);

function fixLookalikes(word: string): string {
  const hasCyrillic = /[а-яё]/i.test(word);
  const swapped = word.replace(/[ABCEHKMOPTXacepxy]/g, (ch) => LOOKALIKES[ch] ?? ch);

  if (hasCyrillic) {
    return swapped;
  }

  // A wholly Latin word is only swapped when it then reads as a legal form («OOO» → «ООО»).
  return LEGAL_FORM_ABBREVIATIONS.has(swapped.toLowerCase()) ? swapped : word;
}

/**
 * The deduplication key: «ООО ""УК ""Дом""», «ООО УК «ДОМ»» and «Общество с ограниченной
 * ответственностью УК Дом» all become «ооо ук дом».
 */
export function normaliseOrganisationName(raw: string): string {
  let text = raw
    // NFKC would spell «№» as «No».
    .replaceAll('№', ' ')
    .normalize('NFKC')
    .split(/\s+/)
    .map(fixLookalikes)
    .join(' ')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // «Блюхера43» and «Блюхера 43» are the same name.
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
    .replace(/\s+/g, ' ')
    .trim();

  for (const [pattern, abbreviation] of LEGAL_FORMS) {
    text = text.replace(pattern, abbreviation);
  }

  return text;
}

/** What kind of organisation the name's legal form says it is. */
export function organisationKindOf(name: string): OrganisationKind {
  const words = normaliseOrganisationName(name).split(' ');
  const form = words.find((word) => !NEUTRAL_PREFIXES.has(word)) ?? '';

  if (HOA_FORMS.has(form)) {
    return 'hoa';
  }

  if (COOP_FORMS.has(form)) {
    return 'housing_coop';
  }

  return 'management_company';
}

const OPENING = new Set(['«', '„', '<']);
const CLOSING = new Set(['»', '>']);
const AMBIGUOUS = new Set(['"', '“', '”', '‟', "'", '`', '‘', '’']);

type Piece = { kind: 'text'; text: string } | { kind: 'open' | 'close' };

/** Decides for each quote mark whether it opens or closes, from what stands around it. */
function classifyQuotes(name: string): Piece[] {
  const chars = [...name];
  const pieces: Piece[] = [];
  let depth = 0;

  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const isQuote = OPENING.has(ch) || CLOSING.has(ch) || AMBIGUOUS.has(ch);
    const apostrophe =
      (ch === "'" || ch === '’') && /\p{L}/u.test(prev ?? '') && /\p{L}/u.test(next ?? '');

    if (!isQuote || apostrophe) {
      const last = pieces.at(-1);

      if (last?.kind === 'text') {
        last.text += ch;
      } else {
        pieces.push({ kind: 'text', text: ch });
      }

      return;
    }

    const lastPiece = pieces.at(-1);
    const spaceBefore = prev === undefined || /[\s(]/.test(prev) || lastPiece?.kind === 'open';
    const spaceAfter = next === undefined || /[\s,.;:)]/.test(next);
    let kind: 'open' | 'close';

    if (OPENING.has(ch)) {
      kind = 'open';
    } else if (CLOSING.has(ch)) {
      kind = 'close';
    } else if (spaceBefore && !spaceAfter) {
      kind = 'open';
    } else if (!spaceBefore && (spaceAfter || AMBIGUOUS.has(next ?? ''))) {
      kind = 'close';
    } else if (spaceBefore && spaceAfter) {
      kind = depth > 0 ? 'close' : 'open';
    } else {
      // Letters on both sides: «УК"Микрорайон» is an opening quote missing its space.
      kind = 'open';
    }

    if (kind === 'close' && depth === 0) {
      kind = 'open';
    }

    // Doubled marks (`""УК` from a twice-escaped export) stand for one.
    if (lastPiece?.kind === kind) {
      return;
    }

    depth += kind === 'open' ? 1 : -1;
    pieces.push({ kind });
  });

  for (; depth > 0; depth -= 1) {
    pieces.push({ kind: 'close' });
  }

  return pieces;
}

/**
 * A display name with balanced «ёлочки», single spaces and no quotes wrapping the whole name:
 * «ЗАО "УК "Верх-Исетская"» → «ЗАО «УК «Верх-Исетская»»», «" ЖК № 59 "» → «ЖК № 59».
 */
export function cleanOrganisationName(raw: string): string {
  const squeezed = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const words = squeezed.split(' ');
  const first = fixLookalikes(words[0] ?? '');
  const pieces = classifyQuotes([first, ...words.slice(1)].join(' '));
  let out = '';

  for (const piece of pieces) {
    if (piece.kind === 'text') {
      out += out.endsWith('«') ? piece.text.trimStart() : piece.text;
    } else if (piece.kind === 'open') {
      out += /[\p{L}\p{N}»]$/u.test(out) ? ' «' : '«';
    } else {
      out = `${out.trimEnd()}»`;
    }
  }

  out = out.replace(/\s+/g, ' ').replace(/«»/g, '').trim();

  return unwrap(out);
}

/** «"ЖК № 203"» names the whole organisation in quotes; the quotes go. */
function unwrap(name: string): string {
  if (!name.startsWith('«') || !name.endsWith('»')) {
    return name;
  }

  let depth = 0;

  for (const [i, ch] of [...name].entries()) {
    depth += ch === '«' ? 1 : ch === '»' ? -1 : 0;

    if (depth === 0 && i < [...name].length - 1) {
      return name;
    }
  }

  return name.slice(1, -1).trim();
}
