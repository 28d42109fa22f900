import { describe, expect, it } from 'vitest';

import {
  cleanOrganisationName,
  normaliseOrganisationName,
  organisationKindOf,
} from './organisation-name.js';

describe('normaliseOrganisationName', () => {
  it('should give one key to every spelling of the same name', () => {
    const spellings = [
      'ООО ""УК ""Дом""',
      'ООО "УК "Дом"',
      'ООО УК «ДОМ»',
      'ООО  «УК «Дом»»',
      'OOO "УК "Дом"',
      'Общество с ограниченной ответственностью "Управляющая компания "Дом"',
      'ООО „УК “Дом“',
    ];

    for (const spelling of spellings) {
      expect(normaliseOrganisationName(spelling), spelling).toBe('ооо ук дом');
    }
  });

  it('should fold ё, hyphens, «№» and glued numbers', () => {
    expect(normaliseOrganisationName('ТСЖ "Огонёк"')).toBe('тсж огонек');
    expect(normaliseOrganisationName('ООО "УК "Комфорт-Сервис"')).toBe(
      normaliseOrganisationName('ООО УК "КОМФОРТ СЕРВИС"'),
    );
    expect(normaliseOrganisationName('ЖК № 103')).toBe(normaliseOrganisationName('ЖК-103'));
    expect(normaliseOrganisationName('ТСЖ "Блюхера43"')).toBe('тсж блюхера 43');
    expect(normaliseOrganisationName('Товарищество собственник жилья № 60')).toBe('тсж 60');
  });

  it('should keep different names apart', () => {
    expect(normaliseOrganisationName('ООО "КЭП"')).not.toBe(
      normaliseOrganisationName('ООО "КЭП-1"'),
    );
    expect(normaliseOrganisationName('ЖК 175')).not.toBe(normaliseOrganisationName('ЖСК 175'));
    expect(normaliseOrganisationName('ООО УК "ДОМ"')).not.toBe(
      normaliseOrganisationName('ООО УК "Дом-сервис"'),
    );
  });

  it('should leave Latin words that are not a legal form alone', () => {
    expect(normaliseOrganisationName('ООО "Urban Group"')).toBe('ооо urban group');
  });
});

describe('cleanOrganisationName', () => {
  it('should balance nested quotes as «ёлочки»', () => {
    expect(cleanOrganisationName('ЗАО "УК "Верх-Исетская"')).toBe('ЗАО «УК «Верх-Исетская»»');
    expect(cleanOrganisationName('ООО ""УК ""Дом""')).toBe('ООО «УК «Дом»»');
    expect(cleanOrganisationName('ЗАО "Орджоникидзевская УЖК"')).toBe(
      'ЗАО «Орджоникидзевская УЖК»',
    );
    expect(cleanOrganisationName('ЕМУП "СУЭРЖ”')).toBe('ЕМУП «СУЭРЖ»');
    expect(cleanOrganisationName("ТСЖ ''Энергетик-2002''")).toBe('ТСЖ «Энергетик-2002»');
  });

  it('should mend missing spaces, stray spaces and angle brackets', () => {
    expect(cleanOrganisationName('ЖК"208"')).toBe('ЖК «208»');
    expect(cleanOrganisationName('ТСЖ«8 Марта»')).toBe('ТСЖ «8 Марта»');
    expect(cleanOrganisationName('АО "УК"Микрорайон Волгоградский"')).toBe(
      'АО «УК «Микрорайон Волгоградский»»',
    );
    expect(cleanOrganisationName('ТСЖ "Хохрякова 21 "')).toBe('ТСЖ «Хохрякова 21»');
    expect(cleanOrganisationName('ООО  «Соцэнерго»')).toBe('ООО «Соцэнерго»');
    expect(cleanOrganisationName('OOO<УК<Рощинская>')).toBe('ООО «УК «Рощинская»»');
    expect(cleanOrganisationName('ТСЖ" Архитектор-1')).toBe('ТСЖ «Архитектор-1»');
  });

  it('should unwrap a name quoted as a whole and keep apostrophes', () => {
    expect(cleanOrganisationName('" ЖК № 59 "')).toBe('ЖК № 59');
    expect(cleanOrganisationName('"ЖЭК №204"')).toBe('ЖЭК №204');
    expect(cleanOrganisationName('ООО "O\'Key Дом"')).toBe("ООО «O'Key Дом»");
    expect(cleanOrganisationName('ТСЖ ЛУЧ')).toBe('ТСЖ ЛУЧ');
  });

  it('should produce a name whose key is the key of the original', () => {
    for (const raw of ['ЗАО "УК "РЭМП"', 'ТСН ""Тватуйская 1-Г"', 'ТСЖ "Куйбышева 123 "В"']) {
      expect(normaliseOrganisationName(cleanOrganisationName(raw))).toBe(
        normaliseOrganisationName(raw),
      );
    }
  });
});

describe('organisationKindOf', () => {
  it('should tell management companies, ТСЖ and housing co-operatives apart', () => {
    expect(organisationKindOf('ЗАО "УК "РЭМП"')).toBe('management_company');
    expect(organisationKindOf('ТСЖ "Наш дом"')).toBe('hoa');
    expect(organisationKindOf('ТСН "Уктус"')).toBe('hoa');
    expect(organisationKindOf('Товарищество собственников жилья "РОТОР"')).toBe('hoa');
    expect(organisationKindOf('ЖСК №138')).toBe('housing_coop');
    expect(organisationKindOf('ПО "ЖЭК №117"')).toBe('housing_coop');
    expect(organisationKindOf('ООО УК ЖК «Адмиральский»')).toBe('management_company');
  });
});
