/**
 * Owner names as keys for matching. The registry spells «Демидова Анна Сергеевна», a person types
 * «демидова  анна сергеевна» or «Демидова А.С.», a company appears as ООО «Ромашка» or
 * ООО "Ромашка": the key folds the differences that do not change who is meant.
 */

// Quote marks of every kind people and registries use around company names.
const QUOTES = /["'«»„“”‘’`]/g;

/**
 * The matching key of a name: lower case, ё → е, quote marks dropped, the dot after an initial
 * dropped («А.С.» → «а с»), runs of spaces (including non-breaking ones) collapsed to one.
 * Two spellings of the same name give the same key; the key is never shown to anyone.
 */
export function ownerNameKey(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .replaceAll('ё', 'е')
      .replace(QUOTES, ' ')
      // An initial is one letter followed by a dot: «а.с.» → «а с », «и. и.» → «и  и ».
      .replace(/(?<!\p{L})(\p{L})\./gu, '$1 ')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** The key of a person's full name given in parts, as the platform keeps it. */
export function personNameKey(parts: {
  surname: string;
  name: string;
  patronymic?: string | null;
}): string {
  return ownerNameKey([parts.surname, parts.name, parts.patronymic ?? ''].join(' '));
}
