/**
 * The columns of a portal extract, known by their header names. Extracts of other regions carry
 * the same names in another order and sometimes extra columns, so nothing here relies on a
 * column's position.
 */
export const REGISTRY_COLUMNS = [
  'LAT',
  'LON',
  'HOUSE_ID',
  'ADDRESS',
  'YEAR',
  'LASTUPDATE',
  'SERVICEDATE_START',
  'SERIE',
  'HOUSE_TYPE',
  'CAPFOND',
  'MGMT_COMPANY',
  'MGMT_COMPANY_LINK',
  'AVAR',
  'LEVELS_MAX',
  'LEVELS_MIN',
  'DOORS',
  'ROOM_COUNT',
  'ROOM_COUNT_LIVE',
  'ROOM_COUNT_NONLIVE',
  'AREA',
  'AREA_LIVE',
  'AREA_NONLIVE',
  'AREA_GEN',
  'AREA_LAND',
  'AREA_PARK',
  'CADNO',
  'ENERGY_CLASS',
  'BLAG_PLAYGROUND',
  'BLAG_SPORT',
  'BLAG_OTHER',
  'OTHER',
] as const;

export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

/** Without these a row cannot become a house, so a file lacking them is refused whole. */
export const REQUIRED_COLUMNS: RegistryColumn[] = ['HOUSE_ID', 'ADDRESS'];

export type RegistryHeader = {
  /** Position of each known column present in the file. */
  positions: Partial<Record<RegistryColumn, number>>;
  /** Columns this schema does not know; their values go to the house's `extra`. */
  extras: { name: string; position: number }[];
  /** Required columns the header lacks. */
  missingRequired: RegistryColumn[];
  /** Header names that appear more than once; only the first occurrence is read. */
  duplicates: string[];
  /** Number of fields every data row must have. */
  width: number;
};

const KNOWN = new Set<string>(REGISTRY_COLUMNS);

/** «house id», « HOUSE_ID », «"House-Id"» → HOUSE_ID. */
export function normaliseColumnName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/["'«»]/g, '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

export function readRegistryHeader(names: string[]): RegistryHeader {
  const positions: RegistryHeader['positions'] = {};
  const extras: RegistryHeader['extras'] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];

  names.forEach((raw, position) => {
    const name = normaliseColumnName(raw) || `COLUMN_${position + 1}`;

    if (seen.has(name)) {
      duplicates.push(name);

      return;
    }

    seen.add(name);

    if (KNOWN.has(name)) {
      positions[name as RegistryColumn] = position;
    } else {
      extras.push({ name, position });
    }
  });

  return {
    positions,
    extras,
    missingRequired: REQUIRED_COLUMNS.filter((column) => positions[column] === undefined),
    duplicates,
    width: names.length,
  };
}
