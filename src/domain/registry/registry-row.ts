import type { RegistryColumn, RegistryHeader } from './columns.js';
import { parseCoordinates } from './coordinates.js';
import { parseCalendarDate, parsePortalTimestamp } from './dates.js';
import {
  isMissing,
  parseArea,
  parseFlag,
  parseInteger,
  parseText,
  parseYear,
  squeeze,
  type Parsed,
} from './values.js';

/** A house as one registry row describes it; every unknown value is null, never zero. */
export type RegistryHouse = {
  portalId: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
  yearBuilt: number | null;
  /** UTC ISO instant of LASTUPDATE. */
  portalUpdatedAt: string | null;
  /** ISO date the current manager took over. */
  serviceStartedOn: string | null;
  series: string | null;
  houseType: string | null;
  capitalRepairFund: string | null;
  managingOrganisation: { name: string; portalLink: string | null } | null;
  isEmergency: boolean | null;
  floorsMax: number | null;
  floorsMin: number | null;
  entrances: number | null;
  premisesCount: number | null;
  residentialPremisesCount: number | null;
  nonResidentialPremisesCount: number | null;
  areaTotal: string | null;
  areaResidential: string | null;
  areaNonResidential: string | null;
  areaCommon: string | null;
  areaLand: string | null;
  areaParking: string | null;
  cadastralNumber: string | null;
  energyClass: string | null;
  playground: string | null;
  sportsGround: string | null;
  otherImprovements: string | null;
  notes: string | null;
  extra: Record<string, string> | null;
};

/** A value that was present but unusable; the house is kept with null in its place. */
export type RowWarning = { column: string; issue: string; value: string };

export type SkipReason =
  | 'house_id_missing'
  | 'house_id_invalid'
  | 'address_missing'
  | 'field_count'
  | 'duplicate_house_id'
  | 'malformed_csv';

export type RowSkip = { reason: SkipReason; message: string; houseId: string | null };

export type RowResult =
  { ok: true; house: RegistryHouse; warnings: RowWarning[] } | { ok: false; skip: RowSkip };

export type RowOptions = {
  /** IANA zone the portal's wall-clock times are in. */
  timeZone: string;
  /** Latest plausible construction year (a few years ahead: houses are registered early). */
  maxYear: number;
};

const FLOORS = { min: 0, max: 200 };
const ENTRANCES = { min: 0, max: 200 };
// The largest Russian apartment blocks hold a few thousand premises; beyond this it is a typo.
const PREMISES = { min: 0, max: 20_000 };
const MIN_YEAR = 1700;
const MIN_SERVICE_YEAR = 1900;
const MAX_PORTAL_ID = Number.MAX_SAFE_INTEGER;

export function skipMessage(reason: SkipReason, detail: Record<string, string | number>): string {
  switch (reason) {
    case 'house_id_missing':
      return 'HOUSE_ID is empty';
    case 'house_id_invalid':
      return `HOUSE_ID «${detail.value}» is not a positive whole number`;
    case 'address_missing':
      return `ADDRESS is empty for HOUSE_ID ${detail.houseId}`;
    case 'field_count':
      return `the row has ${detail.actual} fields, the header has ${detail.expected}`;
    case 'duplicate_house_id':
      return `HOUSE_ID ${detail.houseId} already appeared on line ${detail.firstLine}`;
    case 'malformed_csv':
      return `not readable as CSV: ${detail.error}`;
  }
}

function skip(reason: SkipReason, houseId: string | null, detail: Record<string, string | number>) {
  return { ok: false as const, skip: { reason, houseId, message: skipMessage(reason, detail) } };
}

/** «9201097» → 9201097; anything else (letters, signs, zero, beyond 2^53) is refused. */
export function parsePortalId(raw: string): number | null {
  const text = squeeze(raw);

  if (!/^\d{1,16}$/.test(text)) {
    return null;
  }

  const value = Number(text);

  return value > 0 && value <= MAX_PORTAL_ID ? value : null;
}

/**
 * Turns one data row into a house, keyed by the header's column names. Rows without a usable
 * HOUSE_ID or ADDRESS, or with a field count that differs from the header (a shifted row would
 * put values under the wrong names), are skipped with a reason; bad single values become null
 * with a warning.
 */
export function parseRegistryRow(
  header: RegistryHeader,
  fields: string[],
  options: RowOptions,
): RowResult {
  const cell = (column: RegistryColumn): string | undefined => {
    const position = header.positions[column];

    return position === undefined ? undefined : fields[position];
  };
  const rawId = cell('HOUSE_ID');
  const idText = isMissing(rawId) ? null : squeeze(rawId ?? '');

  if (fields.length !== header.width) {
    return skip('field_count', idText, { actual: fields.length, expected: header.width });
  }

  if (idText === null) {
    return skip('house_id_missing', null, {});
  }

  const portalId = parsePortalId(idText);

  if (portalId === null) {
    return skip('house_id_invalid', idText, { value: idText });
  }

  const address = parseText(cell('ADDRESS')).value;

  if (address === null) {
    return skip('address_missing', idText, { houseId: idText });
  }

  const warnings: RowWarning[] = [];
  const take = <T>(column: string, parsed: Parsed<T>, raw: string | undefined): T | null => {
    if (parsed.issue) {
      warnings.push({ column, issue: parsed.issue, value: squeeze(raw ?? '') });
    }

    return parsed.value;
  };
  const read = <T>(column: RegistryColumn, parse: (raw: string | undefined) => Parsed<T>) =>
    take(column, parse(cell(column)), cell(column));
  const text = (column: RegistryColumn) => read(column, parseText);
  const integer = (column: RegistryColumn, range: { min: number; max: number }) =>
    read(column, (raw) => parseInteger(raw, range));
  const area = (column: RegistryColumn) => read(column, (raw) => parseArea(raw));

  const coordinates = parseCoordinates(cell('LAT'), cell('LON'));

  if (coordinates.issue) {
    warnings.push({
      column: 'LAT/LON',
      issue: coordinates.issue,
      value: `${squeeze(cell('LAT') ?? '')} ${squeeze(cell('LON') ?? '')}`.trim(),
    });
  }

  const house: RegistryHouse = {
    portalId,
    address,
    latitude: coordinates.value?.latitude ?? null,
    longitude: coordinates.value?.longitude ?? null,
    yearBuilt: read('YEAR', (raw) => parseYear(raw, { min: MIN_YEAR, max: options.maxYear })),
    portalUpdatedAt: read('LASTUPDATE', (raw) => parsePortalTimestamp(raw, options.timeZone)),
    serviceStartedOn: read('SERVICEDATE_START', (raw) =>
      parseCalendarDate(raw, { minYear: MIN_SERVICE_YEAR, maxYear: options.maxYear }),
    ),
    series: text('SERIE'),
    houseType: text('HOUSE_TYPE'),
    capitalRepairFund: text('CAPFOND'),
    managingOrganisation: readOrganisation(cell, warnings),
    isEmergency: read('AVAR', parseFlag),
    floorsMax: integer('LEVELS_MAX', FLOORS),
    floorsMin: integer('LEVELS_MIN', FLOORS),
    entrances: integer('DOORS', ENTRANCES),
    premisesCount: integer('ROOM_COUNT', PREMISES),
    residentialPremisesCount: integer('ROOM_COUNT_LIVE', PREMISES),
    nonResidentialPremisesCount: integer('ROOM_COUNT_NONLIVE', PREMISES),
    areaTotal: area('AREA'),
    areaResidential: area('AREA_LIVE'),
    areaNonResidential: area('AREA_NONLIVE'),
    areaCommon: area('AREA_GEN'),
    areaLand: area('AREA_LAND'),
    areaParking: area('AREA_PARK'),
    cadastralNumber: text('CADNO'),
    energyClass: text('ENERGY_CLASS'),
    playground: text('BLAG_PLAYGROUND'),
    sportsGround: text('BLAG_SPORT'),
    otherImprovements: text('BLAG_OTHER'),
    notes: text('OTHER'),
    extra: readExtras(header, fields),
  };

  return { ok: true, house, warnings };
}

function readOrganisation(
  cell: (column: RegistryColumn) => string | undefined,
  warnings: RowWarning[],
): RegistryHouse['managingOrganisation'] {
  const name = parseText(cell('MGMT_COMPANY')).value;
  const link = parseText(cell('MGMT_COMPANY_LINK')).value;

  if (name === null) {
    return null;
  }

  if (link !== null && !/^https?:\/\/\S+$/i.test(link)) {
    warnings.push({ column: 'MGMT_COMPANY_LINK', issue: 'invalid', value: link });

    return { name, portalLink: null };
  }

  return { name, portalLink: link };
}

function readExtras(header: RegistryHeader, fields: string[]): Record<string, string> | null {
  const extra: Record<string, string> = {};

  for (const { name, position } of header.extras) {
    const value = parseText(fields[position]).value;

    if (value !== null) {
      extra[name] = value;
    }
  }

  return Object.keys(extra).length > 0 ? extra : null;
}
