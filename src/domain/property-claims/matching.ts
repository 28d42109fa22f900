/**
 * The key that makes two spellings of one premise number compare equal: as printed on a title
 * document, as the registry writes it and as an organisation entered it. (Owner names have theirs
 * in domain/registry-extract/owner-name.ts, shared with the registry import.)
 */

// Latin letters that look exactly like Cyrillic ones: «K-1» typed on an English layout is «К-1».
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
  Y: 'У',
};

/**
 * «кв. 12», «12», «К-1», «k1» and «К 1» reduce to one key: upper case, Latin lookalikes made
 * Cyrillic, the words for a flat or premise dropped, and spaces, dashes and dots removed.
 */
export function premiseNumberKey(number: string): string {
  const upper = number
    .toUpperCase()
    .replaceAll('Ё', 'Е')
    .replace(/^\s*(КВАРТИРА|КВ|ПОМЕЩЕНИЕ|ПОМ|№)\.?\s*/u, '');

  return [...upper]
    .map((char) => LOOKALIKES[char] ?? char)
    .join('')
    .replace(/[\s\u00a0.\-‐‑‒–—№]+/gu, '');
}
