/**
 * Address folding for search. The stored search text of a house and the words a person types go
 * through the same function, so «ул. Малышева, д. 5», «малышева 5» and «5 МАЛЫШЕВА» meet.
 */

// Kinds of places and parts of a building, abbreviated and in full. They appear in nearly every
// address, so they only add noise to a search; dropping them from both sides keeps «ул. Ленина»
// and «улица Ленина» equal.
const ADDRESS_NOISE = new Set(
  [
    'обл область респ республика край ао рн район',
    'г город гор п пос поселок пгт рп с село д дом дер деревня ст станция снт нп тер',
    'мкр мкрн микрорайон кв квартал ул улица пр просп проспект кт пер переулок бульв бульвар',
    'ш шоссе наб набережная пл площадь проезд туп тупик тракт км',
    'корп кор корпус к стр строение лит литер литера',
  ]
    .join(' ')
    .split(' '),
);

// Latin letters typed for Cyrillic ones in house numbers («19a», «5б» typed as «5b» is rare).
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

function fold(text: string): string {
  // NFKC would spell «№» as «No».
  return text.replaceAll('№', ' ').normalize('NFKC').toLowerCase().replaceAll('ё', 'е');
}

function splitWords(text: string): string[] {
  // Compound abbreviations go before punctuation is dropped: «пр-кт.», «б-р.», «р-н».
  return fold(text)
    .replace(/(^|[^\p{L}])(пр-кт|б-р|р-н|пр-д)(?=[^\p{L}]|$)/gu, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fixNumberLetters(word: string): string {
  return /\d/.test(word) ? word.replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch) : word;
}

/** The words of an address or a query that carry meaning, folded, in their original order. */
export function addressTokens(text: string): string[] {
  return splitWords(text)
    .filter((word) => !ADDRESS_NOISE.has(word))
    .map(fixNumberLetters);
}

/** What is stored in `houses.search_text`: the meaningful words joined by single spaces. */
export function addressSearchText(address: string): string {
  return addressTokens(address).join(' ');
}

/** Distinct query words, longest first, at most `limit` of them. */
export function searchQueryTokens(query: string, limit = 12): string[] {
  return [...new Set(addressTokens(query))].sort((a, b) => b.length - a.length).slice(0, limit);
}

/**
 * A key that orders addresses the way people expect: numbers by value («д. 2» before «д. 10»)
 * because every digit run is padded to the same width.
 */
export function addressSortKey(address: string): string {
  return addressTokens(address)
    .map((word) => word.replace(/\d+/g, (digits) => digits.padStart(8, '0')))
    .join(' ');
}
