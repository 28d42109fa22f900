import { describe, expect, it } from 'vitest';

import { columnOf, headerKey, readHeader, templateHeader, TEMPLATE_COLUMNS } from './columns.js';

describe('premises import columns', () => {
  it('should fold case, ё, spacing, punctuation and a byte-order mark', () => {
    expect(headerKey('\uFEFF  Номер  ПОМЕЩЕНИЯ ')).toBe(headerKey('номер_помещения'));
    expect(columnOf('Лицевой счет')).toBe('localAccountNumber');
    expect(columnOf('ЛИЦЕВОЙ СЧЁТ')).toBe('localAccountNumber');
    expect(columnOf('Дата открытия счета')).toBe('accountOpenedOn');
  });

  it('should accept Russian names, English names and aliases', () => {
    expect(columnOf('Общая площадь')).toBe('areaTotal');
    expect(columnOf('Total area')).toBe('areaTotal');
    expect(columnOf('total-area')).toBe('areaTotal');
    expect(columnOf('Адрес')).toBe('house');
    expect(columnOf('House id')).toBe('house');
    expect(columnOf('№ помещения')).toBe('number');
    expect(columnOf('ЕЛС')).toBe('accountNumber');
    expect(columnOf('ИНН')).toBe('inn');
    expect(columnOf('ФИО собственника')).toBe('fullName');
    expect(columnOf('Цвет стен')).toBeUndefined();
  });

  it('should map a header and say what is unknown, ignored or missing', () => {
    const header = readHeader(['Дом', 'Номер', 'Цвет стен', 'Количество проживающих', '']);

    expect(header.positions).toEqual({ house: 0, number: 1 });
    expect(header.unknown).toEqual(['Цвет стен']);
    expect(header.ignored).toEqual([
      { name: 'Количество проживающих', reason: 'residents_are_persons' },
    ]);
    expect(header.missingRequired).toEqual(['kind']);
  });

  it('should report two names for one column as ambiguous', () => {
    const header = readHeader(['Дом', 'Адрес', 'Номер помещения', 'Тип']);

    expect(header.ambiguous).toEqual([{ column: 'house', names: ['Дом', 'Адрес'] }]);
  });

  it('should read its own template header back in both languages', () => {
    for (const locale of ['ru', 'en'] as const) {
      const header = readHeader(templateHeader(locale));

      expect(Object.keys(header.positions)).toEqual([...TEMPLATE_COLUMNS]);
      expect(header.unknown).toEqual([]);
      expect(header.ambiguous).toEqual([]);
    }
  });
});
