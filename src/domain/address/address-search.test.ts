import { describe, expect, it } from 'vitest';

import {
  addressSearchText,
  addressSortKey,
  addressTokens,
  searchQueryTokens,
} from './address-search.js';

describe('addressSearchText', () => {
  it('should keep the words that identify a house and drop the kinds of places', () => {
    expect(addressSearchText('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 5')).toBe(
      'свердловская екатеринбург малышева 5',
    );
    expect(
      addressSearchText('обл. Свердловская, г. Екатеринбург, пр-кт. Ленина, д. 54/3, к. а'),
    ).toBe('свердловская екатеринбург ленина 54 3 а');
    expect(addressSearchText('обл. Свердловская, п. Глубокое, б-р. Сиреневый, стр. 2')).toBe(
      'свердловская глубокое сиреневый 2',
    );
  });

  it('should fold case and ё, and mend a Latin letter in a house number', () => {
    expect(addressSearchText('г. Екатеринбург, ул. Серафимы Дерябиной, д. 19a')).toBe(
      'екатеринбург серафимы дерябиной 19а',
    );
    expect(addressSearchText('ул. Ёлочная')).toBe('елочная');
    expect(addressSearchText('мкр. Солнечный, квартал № 3')).toBe('солнечный 3');
  });

  it('should read the odd address written without punctuation', () => {
    expect(addressSearchText('д. г Екатеринбург ул Ольховская д.25 кор.1')).toBe(
      'екатеринбург ольховская 25 1',
    );
  });
});

describe('searchQueryTokens', () => {
  it('should give the same words for every way of typing an address', () => {
    const expected = searchQueryTokens('малышева 5');

    expect(searchQueryTokens('5 Малышева')).toEqual(expected);
    expect(searchQueryTokens('ул. малышева, д. 5')).toEqual(expected);
    expect(searchQueryTokens('улица МАЛЫШЕВА дом 5')).toEqual(expected);
  });

  it('should drop everything that is not a letter or a digit, wildcards included', () => {
    expect(searchQueryTokens("%'; DROP TABLE houses; --_")).toEqual(['houses', 'table', 'drop']);
    expect(searchQueryTokens('%%% ___ ул.')).toEqual([]);
  });

  it('should drop repeats and cap the number of words', () => {
    expect(searchQueryTokens('ленина ленина')).toEqual(['ленина']);
    expect(searchQueryTokens('а б в г е ж з и й л м н о р т у ф', 5)).toHaveLength(5);
  });
});

describe('addressSortKey', () => {
  it('should order house numbers by value', () => {
    const addresses = ['ул. Малышева, д. 10', 'ул. Малышева, д. 2', 'ул. Малышева, д. 2а'];
    const sorted = [...addresses].sort((a, b) => (addressSortKey(a) < addressSortKey(b) ? -1 : 1));

    expect(sorted).toEqual(['ул. Малышева, д. 2', 'ул. Малышева, д. 2а', 'ул. Малышева, д. 10']);
  });
});

describe('addressTokens', () => {
  it('should keep word order', () => {
    expect(addressTokens('Малышева 5')).toEqual(['малышева', '5']);
  });
});
