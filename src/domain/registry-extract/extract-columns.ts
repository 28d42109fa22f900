import { EXTRACT_FIELDS, type ExtractField } from './problems.js';

/**
 * Header names of a CSV registry extract. The English names are the documented layout
 * (docs/registry-import.md); the Russian ones are what an operator's spreadsheet is likely to
 * say. Case, ё/е, spaces and underscores do not matter.
 */
const COLUMN_NAMES: Record<ExtractField, string[]> = {
  cadastral_number: ['cadastral_number', 'кадастровый номер'],
  address: ['address', 'адрес', 'местоположение'],
  premise_number: ['premise_number', 'номер помещения'],
  kind: ['kind', 'вид объекта'],
  area: ['area', 'площадь', 'площадь, кв. м', 'площадь, м2', 'площадь, м²'],
  extracted_on: ['extracted_on', 'дата выписки'],
  owner_kind: ['owner_kind', 'вид правообладателя'],
  owner_name: ['owner_name', 'правообладатель'],
  owner_inn: ['owner_inn', 'инн', 'инн правообладателя'],
  owner_snils: ['owner_snils', 'снилс', 'снилс правообладателя'],
  share: ['share', 'доля', 'размер доли'],
  registration_number: [
    'registration_number',
    'номер регистрации',
    'номер государственной регистрации',
  ],
  registered_on: ['registered_on', 'дата регистрации', 'дата государственной регистрации'],
};

/** Columns a file must have; the others may be left out. */
export const REQUIRED_COLUMNS: readonly ExtractField[] = [
  'cadastral_number',
  'address',
  'kind',
  'area',
  'owner_kind',
  'owner_name',
  'share',
  'registration_number',
  'registered_on',
];

function foldHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s_]+/gu, ' ')
    .trim();
}

const BY_NAME = new Map<string, ExtractField>(
  EXTRACT_FIELDS.flatMap((field) => COLUMN_NAMES[field].map((name) => [foldHeader(name), field])),
);

export type ExtractHeader = {
  /** Column index of each field the header names. */
  columns: Map<ExtractField, number>;
  missing: ExtractField[];
  /** Header names that are no field of the layout; their values are ignored. */
  unknown: string[];
  /** Fields named twice; a file like that is refused, since it is unclear which one counts. */
  repeated: ExtractField[];
};

export function readExtractHeader(names: string[]): ExtractHeader {
  const columns = new Map<ExtractField, number>();
  const unknown: string[] = [];
  const repeated: ExtractField[] = [];

  names.forEach((name, index) => {
    const field = BY_NAME.get(foldHeader(name));

    if (!field) {
      if (name.trim()) {
        unknown.push(name.trim());
      }

      return;
    }

    if (columns.has(field)) {
      repeated.push(field);

      return;
    }

    columns.set(field, index);
  });

  return {
    columns,
    missing: REQUIRED_COLUMNS.filter((field) => !columns.has(field)),
    unknown,
    repeated,
  };
}

/** The header the platform writes: the documented English names, in the documented order. */
export const EXTRACT_CSV_HEADER: readonly ExtractField[] = EXTRACT_FIELDS;
