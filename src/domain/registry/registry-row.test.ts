import { describe, expect, it } from 'vitest';

import { readRegistryHeader, REGISTRY_COLUMNS } from './columns.js';
import { parsePortalId, parseRegistryRow } from './registry-row.js';

const OPTIONS = { timeZone: 'Asia/Yekaterinburg', maxYear: 2031 };

// A real row of the Ekaterinburg extract (HOUSE_ID 9100559), cell by cell.
const REAL: Record<string, string> = {
  LAT: '56.897694',
  LON: '60.590378',
  HOUSE_ID: '9100559',
  ADDRESS: 'обл. Свердловская, г. Екатеринбург, ул. 40-летия Октября, д.  47',
  YEAR: '1948',
  LASTUPDATE: '29.04.2016 в 10:45',
  SERVICEDATE_START: '17.12.2015',
  SERIE: 'шлакобетонный',
  HOUSE_TYPE: 'Многоквартирный дом',
  CAPFOND: 'На счете регионального оператора',
  MGMT_COMPANY: 'АО "УК "ЕРЦ"',
  MGMT_COMPANY_LINK: 'http://www.reformagkh.ru/mymanager/profile/8923974/',
  AVAR: 'Нет',
  LEVELS_MAX: '2',
  LEVELS_MIN: '2',
  DOORS: '2',
  ROOM_COUNT: '16',
  ROOM_COUNT_LIVE: '16',
  ROOM_COUNT_NONLIVE: '0',
  AREA: '827.50',
  AREA_LIVE: '739.50',
  AREA_NONLIVE: '0.00',
  AREA_GEN: '88.00',
  AREA_LAND: '2681.00',
  AREA_PARK: '0.00',
  CADNO: '',
  ENERGY_CLASS: 'Не присвоен',
  BLAG_PLAYGROUND: 'Не имеется',
  BLAG_SPORT: 'Не имеется',
  BLAG_OTHER: 'нет',
  OTHER: 'нет',
};

function row(columns: readonly string[], cells: Record<string, string>) {
  return columns.map((column) => cells[column] ?? '');
}

describe('parseRegistryRow', () => {
  const header = readRegistryHeader([...REGISTRY_COLUMNS]);

  it('should turn a real row into a house with exact values', () => {
    const result = parseRegistryRow(header, row(REGISTRY_COLUMNS, REAL), OPTIONS);

    expect(result).toEqual({
      ok: true,
      warnings: [],
      house: {
        portalId: 9100559,
        address: 'обл. Свердловская, г. Екатеринбург, ул. 40-летия Октября, д. 47',
        latitude: 56.897694,
        longitude: 60.590378,
        yearBuilt: 1948,
        portalUpdatedAt: '2016-04-29T05:45:00.000Z',
        serviceStartedOn: '2015-12-17',
        series: 'шлакобетонный',
        houseType: 'Многоквартирный дом',
        capitalRepairFund: 'На счете регионального оператора',
        managingOrganisation: {
          name: 'АО "УК "ЕРЦ"',
          portalLink: 'http://www.reformagkh.ru/mymanager/profile/8923974/',
        },
        isEmergency: false,
        floorsMax: 2,
        floorsMin: 2,
        entrances: 2,
        premisesCount: 16,
        residentialPremisesCount: 16,
        nonResidentialPremisesCount: 0,
        areaTotal: '827.50',
        areaResidential: '739.50',
        areaNonResidential: '0.00',
        areaCommon: '88.00',
        areaLand: '2681.00',
        areaParking: '0.00',
        cadastralNumber: null,
        energyClass: 'Не присвоен',
        playground: 'Не имеется',
        sportsGround: 'Не имеется',
        otherImprovements: 'нет',
        notes: 'нет',
        extra: null,
      },
    });
  });

  it('should read the same row with columns in another order and extra columns', () => {
    const columns = ['FIAS_GUID', ...[...REGISTRY_COLUMNS].reverse(), 'METERS_HOT'];
    const other = readRegistryHeader(columns);
    const cells = { ...REAL, FIAS_GUID: 'b1c2d3', METERS_HOT: 'Не заполнено' };
    const reordered = parseRegistryRow(other, row(columns, cells), OPTIONS);
    const plain = parseRegistryRow(header, row(REGISTRY_COLUMNS, REAL), OPTIONS);

    expect(reordered.ok && plain.ok).toBe(true);

    if (reordered.ok && plain.ok) {
      expect(reordered.house).toEqual({ ...plain.house, extra: { FIAS_GUID: 'b1c2d3' } });
    }
  });

  it('should store null, never zero, for «Не заполнено» and «Незаполнено»', () => {
    const empty = Object.fromEntries(
      REGISTRY_COLUMNS.map((column) => [
        column,
        column.startsWith('AREA') ? 'Незаполнено' : 'Не заполнено',
      ]),
    );
    const result = parseRegistryRow(
      header,
      row(REGISTRY_COLUMNS, {
        ...empty,
        HOUSE_ID: '1',
        ADDRESS: 'г. Екатеринбург, ул. Ленина, д. 1',
      }),
      OPTIONS,
    );

    expect(result.ok).toBe(true);

    if (result.ok) {
      const { portalId, address, ...rest } = result.house;

      expect(portalId).toBe(1);
      expect(address).toBe('г. Екатеринбург, ул. Ленина, д. 1');
      expect(Object.values(rest).every((value) => value === null)).toBe(true);
      expect(result.warnings).toEqual([]);
    }
  });

  it('should keep a house with bad values as null and say which', () => {
    const result = parseRegistryRow(
      header,
      row(REGISTRY_COLUMNS, {
        ...REAL,
        YEAR: '192',
        AVAR: 'возможно',
        LAT: '55.76',
        LON: ' 37.64',
      }),
      OPTIONS,
    );

    expect(result.ok).toBe(true);

    if (result.ok) {
      expect(result.house.yearBuilt).toBeNull();
      expect(result.house.isEmergency).toBeNull();
      expect(result.house.latitude).toBeNull();
      expect(result.warnings).toEqual([
        { column: 'LAT/LON', issue: 'placeholder', value: '55.76 37.64' },
        { column: 'YEAR', issue: 'out_of_range', value: '192' },
        { column: 'AVAR', issue: 'invalid', value: 'возможно' },
      ]);
    }
  });

  it('should skip rows without a usable HOUSE_ID or ADDRESS, with the reason', () => {
    const skipOf = (cells: Record<string, string>) => {
      const result = parseRegistryRow(header, row(REGISTRY_COLUMNS, cells), OPTIONS);

      return result.ok ? null : result.skip;
    };

    expect(skipOf({ ...REAL, HOUSE_ID: '' })).toEqual({
      reason: 'house_id_missing',
      houseId: null,
      message: 'HOUSE_ID is empty',
    });
    expect(skipOf({ ...REAL, HOUSE_ID: 'Не заполнено' })?.reason).toBe('house_id_missing');
    expect(skipOf({ ...REAL, HOUSE_ID: '91A0559' })).toEqual({
      reason: 'house_id_invalid',
      houseId: '91A0559',
      message: 'HOUSE_ID «91A0559» is not a positive whole number',
    });
    expect(skipOf({ ...REAL, ADDRESS: 'Не заполнено' })?.reason).toBe('address_missing');
  });

  it('should skip a row whose field count differs from the header', () => {
    const result = parseRegistryRow(header, row(REGISTRY_COLUMNS, REAL).slice(0, 29), OPTIONS);

    expect(result).toMatchObject({
      ok: false,
      skip: { reason: 'field_count', message: 'the row has 29 fields, the header has 31' },
    });
  });

  it('should drop a management link that is not a link but keep the organisation', () => {
    const result = parseRegistryRow(
      header,
      row(REGISTRY_COLUMNS, { ...REAL, MGMT_COMPANY_LINK: 'javascript:alert(1)' }),
      OPTIONS,
    );

    expect(result.ok && result.house.managingOrganisation).toEqual({
      name: 'АО "УК "ЕРЦ"',
      portalLink: null,
    });
  });
});

describe('parsePortalId', () => {
  it('should accept positive whole numbers only', () => {
    expect(parsePortalId(' 9201097 ')).toBe(9201097);
    expect(parsePortalId('0')).toBeNull();
    expect(parsePortalId('-5')).toBeNull();
    expect(parsePortalId('1e6')).toBeNull();
    expect(parsePortalId('12345678901234567')).toBeNull();
  });
});
