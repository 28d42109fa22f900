import { describe, expect, it } from 'vitest';

import { parseExtractRow, type RawExtractRow } from './extract-row.js';

const TODAY = '2026-12-03';

const GOOD: RawExtractRow = {
  cadastral_number: '66:41:0204016:1101',
  address: 'обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 15, кв. 1',
  kind: 'Квартира',
  area: '45,30',
  extracted_on: '20.11.2026',
  owner_kind: 'Физическое лицо',
  owner_name: 'Демидова  Анна Сергеевна',
  owner_snils: '112-233-445 95',
  share: '1/2',
  registration_number: '66:41:0204016:1101-66/001/2018-1',
  registered_on: '12.04.2018',
};

const problemsOf = (raw: RawExtractRow) => {
  const result = parseExtractRow(raw, { today: TODAY });

  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
};

describe('parseExtractRow', () => {
  it('should read a complete row into an object and a right', () => {
    const result = parseExtractRow(GOOD, { today: TODAY });

    expect(result).toEqual({
      ok: true,
      row: {
        object: {
          cadastralNumber: '66:41:0204016:1101',
          address: 'обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 15, кв. 1',
          premiseNumber: '1',
          kind: 'flat',
          areaCenti: 4530,
          extractedOn: '2026-11-20',
        },
        right: {
          ownerKind: 'person',
          ownerName: 'Демидова Анна Сергеевна',
          ownerNameKey: 'демидова анна сергеевна',
          ownerInn: null,
          ownerSnils: '11223344595',
          share: { numerator: 1, denominator: 2 },
          registrationNumber: '66:41:0204016:1101-66/001/2018-1',
          registeredOn: '2018-04-12',
        },
      },
    });
  });

  it('should read a row with every right field empty as an object without a right', () => {
    const result = parseExtractRow(
      {
        ...GOOD,
        owner_kind: '',
        owner_name: ' ',
        owner_snils: '',
        share: '',
        registration_number: '',
        registered_on: '',
      },
      { today: TODAY },
    );

    expect(result.ok && result.row.right).toBeNull();
  });

  it('should prefer an explicit premise number to the one in the address', () => {
    const result = parseExtractRow({ ...GOOD, premise_number: '1а' }, { today: TODAY });

    expect(result.ok && result.row.object.premiseNumber).toBe('1а');
  });

  it('should name every broken field of a row at once', () => {
    expect(
      problemsOf({
        cadastral_number: '66:41:20401:1101',
        address: '12345',
        kind: 'дом',
        area: '45.301',
        owner_kind: 'person',
        owner_name: '',
        share: '3/2',
        registration_number: '',
        registered_on: '31.02.2018',
      }),
    ).toEqual([
      'cadastral_number:format',
      'address:format',
      'kind:unknown_value',
      'area:format',
      'owner_name:required',
      'share:above_one',
      'registration_number:required',
      'registered_on:format',
    ]);
  });

  it('should require the object fields', () => {
    expect(problemsOf({ owner_kind: 'person' })).toEqual(
      expect.arrayContaining([
        'cadastral_number:required',
        'address:required',
        'kind:required',
        'area:required',
        'owner_name:required',
        'share:required',
        'registration_number:required',
        'registered_on:required',
      ]),
    );
  });

  it('should refuse zero and malformed shares', () => {
    expect(problemsOf({ ...GOOD, share: '0' })).toEqual(['share:zero']);
    expect(problemsOf({ ...GOOD, share: '0/5' })).toEqual(['share:zero']);
    expect(problemsOf({ ...GOOD, share: '1/0' })).toEqual(['share:format']);
    expect(problemsOf({ ...GOOD, share: '½' })).toEqual(['share:format']);
    expect(problemsOf({ ...GOOD, share: '1/2000000' })).toEqual(['share:too_large']);
  });

  it('should check ИНН by the kind of owner', () => {
    const company = {
      ...GOOD,
      owner_kind: 'company',
      owner_name: 'ООО «Ромашка»',
      owner_snils: '',
    };

    expect(problemsOf({ ...company, owner_inn: '' })).toEqual(['owner_inn:required']);
    expect(problemsOf({ ...company, owner_inn: '7707083894' })).toEqual(['owner_inn:checksum']);
    expect(problemsOf({ ...company, owner_inn: '500100732259' })).toEqual([
      'owner_inn:not_for_owner_kind',
    ]);
    expect(problemsOf({ ...company, owner_inn: '7707083893' })).toEqual([]);
    expect(problemsOf({ ...GOOD, owner_inn: '7707083893' })).toEqual([
      'owner_inn:not_for_owner_kind',
    ]);
    expect(problemsOf({ ...GOOD, owner_inn: '500100732259' })).toEqual([]);
    expect(problemsOf({ ...GOOD, owner_inn: '50010073225' })).toEqual(['owner_inn:format']);
  });

  it('should check СНИЛС and accept it for persons only', () => {
    expect(problemsOf({ ...GOOD, owner_snils: '112-233-445 96' })).toEqual([
      'owner_snils:checksum',
    ]);
    expect(problemsOf({ ...GOOD, owner_snils: '001-001-998 00' })).toEqual(['owner_snils:range']);
    expect(problemsOf({ ...GOOD, owner_snils: '112-233-445' })).toEqual(['owner_snils:format']);
    expect(
      problemsOf({
        ...GOOD,
        owner_kind: 'municipality',
        owner_name: 'Город',
        owner_snils: '112-233-445 95',
      }),
    ).toEqual(['owner_snils:not_for_owner_kind']);
  });

  it('should refuse a right registered after the extract or in the future', () => {
    expect(problemsOf({ ...GOOD, registered_on: '21.11.2026' })).toEqual([
      'registered_on:after_extract',
    ]);
    expect(problemsOf({ ...GOOD, extracted_on: '', registered_on: '2027-01-01' })).toEqual([
      'registered_on:future',
    ]);
    expect(problemsOf({ ...GOOD, extracted_on: '2027-01-01' })).toEqual(['extracted_on:future']);
  });

  it('should refuse hostile and oversized text', () => {
    expect(problemsOf({ ...GOOD, owner_name: 'А'.repeat(501) })).toEqual(['owner_name:too_long']);
    expect(problemsOf({ ...GOOD, owner_name: '12345 !!!' })).toEqual(['owner_name:format']);
    expect(problemsOf({ ...GOOD, address: 'x'.repeat(501) })).toEqual(['address:too_long']);
    expect(problemsOf({ ...GOOD, premise_number: '1'.repeat(21) })).toEqual([
      'premise_number:too_long',
    ]);
    expect(
      problemsOf({ ...GOOD, registration_number: "1'; DROP TABLE registry_rights; --" }),
    ).toEqual(['registration_number:format']);
    expect(problemsOf({ ...GOOD, registration_number: 'нет номера' })).toEqual([
      'registration_number:format',
    ]);
    expect(problemsOf({ ...GOOD, owner_kind: '__proto__' })).toEqual(['owner_kind:unknown_value']);
  });
});
