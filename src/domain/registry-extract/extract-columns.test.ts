import { describe, expect, it } from 'vitest';

import { formatExtractCsv } from './extract-csv.js';
import { readExtractHeader } from './extract-columns.js';

describe('readExtractHeader', () => {
  it('should read the documented names and the Russian ones, in any order and case', () => {
    const header = readExtractHeader([
      '\uFEFFКадастровый номер',
      'Адрес',
      'ВИД ОБЪЕКТА',
      'Площадь, кв. м',
      'вид правообладателя',
      'Правообладатель',
      'Доля',
      'Номер  регистрации',
      'registered_on',
      'комментарий',
    ]);

    expect(header.missing).toEqual([]);
    expect(header.repeated).toEqual([]);
    expect(header.unknown).toEqual(['комментарий']);
    expect(header.columns.get('area')).toBe(3);
    expect(header.columns.get('registered_on')).toBe(8);
  });

  it('should list missing required columns and repeated ones', () => {
    const header = readExtractHeader(['cadastral_number', 'address', 'адрес', 'area']);

    expect(header.missing).toEqual([
      'kind',
      'owner_kind',
      'owner_name',
      'share',
      'registration_number',
      'registered_on',
    ]);
    expect(header.repeated).toEqual(['address']);
  });
});

describe('formatExtractCsv', () => {
  it('should write the documented header and quote what needs quoting', () => {
    const text = formatExtractCsv([
      { cadastral_number: '66:41:0204016:1', owner_name: 'ООО "Дом; Сад"' },
    ]);
    const [header, line] = text.split('\r\n');

    expect(header).toBe(
      'cadastral_number;address;premise_number;kind;area;extracted_on;owner_kind;owner_name;' +
        'owner_inn;owner_snils;share;registration_number;registered_on',
    );
    expect(line).toBe('66:41:0204016:1;;;;;;;"ООО ""Дом; Сад""";;;;;');
  });
});
