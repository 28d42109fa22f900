import { describe, expect, it } from 'vitest';

import { ownerNameKey, personNameKey } from './owner-name.js';

describe('ownerNameKey', () => {
  it('should fold case, ё and spaces so spellings of one name meet', () => {
    expect(ownerNameKey('Демидова  Анна\u00a0Сергеевна ')).toBe('демидова анна сергеевна');
    expect(ownerNameKey('ФЁДОРОВ Пётр Семёнович')).toBe(ownerNameKey('Федоров Петр Семенович'));
  });

  it('should drop the dots of initials, with or without spaces between them', () => {
    expect(ownerNameKey('Демидова А.С.')).toBe('демидова а с');
    expect(ownerNameKey('Демидова А. С.')).toBe('демидова а с');
    expect(ownerNameKey('Демидова А.С')).toBe('демидова а с');
  });

  it('should keep dots that are not after an initial and hyphens of double surnames', () => {
    expect(ownerNameKey('Римская-Корсакова Ольга')).toBe('римская-корсакова ольга');
    expect(ownerNameKey('ООО «Ромашка»')).toBe(ownerNameKey('ООО "Ромашка"'));
    expect(ownerNameKey('ООО «Ромашка»')).toBe('ооо ромашка');
  });

  it('should give an empty key for blank or punctuation-only input, never throw', () => {
    expect(ownerNameKey('')).toBe('');
    expect(ownerNameKey('   «»  ')).toBe('');
    expect(ownerNameKey('x'.repeat(10_000))).toHaveLength(10_000);
  });

  it('should build the same key from the parts of a name as from the whole', () => {
    expect(personNameKey({ surname: 'Демидов', name: 'Павел', patronymic: 'Андреевич' })).toBe(
      ownerNameKey('ДЕМИДОВ ПАВЕЛ АНДРЕЕВИЧ'),
    );
    expect(personNameKey({ surname: 'Smith', name: 'John', patronymic: null })).toBe('smith john');
  });
});
