import type { Share } from '../shares/fraction.js';
import { WHOLE } from '../shares/fraction.js';
import {
  ACCOUNT_COLUMNS,
  OWNER_COLUMNS,
  RIGHT_COLUMNS,
  type ImportColumn,
  type ImportHeader,
} from './columns.js';
import type { RowProblem, RowWarning } from './problems.js';
import {
  parseAccountNumber,
  parseAreaCell,
  parseCadastral,
  parseDateCell,
  parseFullName,
  parseKind,
  parseLocalAccount,
  parseNamePart,
  parseOrganisationInn,
  parseOwnerKind,
  parsePremiseNumber,
  parseShareCell,
  parseText,
  parseWhole,
  personKey,
  premiseNumberKey,
  type Cell,
  type PersonName,
  type PremiseKind,
} from './values.js';

/**
 * One data row of the file as a reader hands it over: the cells as text, with marks where the
 * spreadsheet stored something other than what it shows, or the parser's complaint about a line
 * it could not split into cells.
 */
export type SourceRow =
  | {
      line: number;
      cells: string[];
      /** Cells a spreadsheet stored as a date, or as a formula without a saved value. */
      marks?: { position: number; kind: 'date' | 'formula' }[];
    }
  | { line: number; error: string };

export type PremiseFacts = {
  kind: PremiseKind;
  number: string;
  /** `number` folded for matching («12а» and «12А» are one premise). */
  numberKey: string;
  entrance: number | null;
  floor: number | null;
  areaTotal: string | null;
  areaLiving: string | null;
  cadastralNumber: string | null;
};

export type Owner =
  | ({ kind: 'person'; key: string } & PersonName)
  | { kind: 'company' | 'municipality'; key: string; name: string; inn: string };

export type Right = {
  share: Share;
  titleDocument: string | null;
  rightNumber: string | null;
  rightDate: string | null;
};

export type AccountFacts = {
  number: string | null;
  localNumber: string | null;
  openedOn: string | null;
};

/** A row that passed every cell rule: what it says about one premise, its owner and account. */
export type ImportRow = {
  line: number;
  /** The house as the file names it: an address, a house id or a registry HOUSE_ID. */
  house: string;
  premise: PremiseFacts;
  owner: Owner | null;
  right: Right | null;
  account: AccountFacts | null;
};

/** How a row names its premise and owner, as written, for the report of any row. */
export type RowLabel = { house: string; kind: string; number: string; owner: string };

export type ParsedRow = {
  line: number;
  label: RowLabel;
  /** Null when any cell is wrong; `problems` then say what and where. */
  row: ImportRow | null;
  problems: RowProblem[];
  warnings: RowWarning[];
};

export type RowOptions = { today: string };

/** Reads one data row; each cell that breaks a rule adds a problem naming its column. */
export function parseImportRow(
  header: ImportHeader,
  source: SourceRow,
  options: RowOptions,
): ParsedRow {
  if ('error' in source) {
    return {
      line: source.line,
      label: { house: '', kind: '', number: '', owner: '' },
      row: null,
      problems: [{ field: null, code: 'malformed_row', params: { error: source.error } }],
      warnings: [],
    };
  }

  const reader = new CellReader(header, source);
  const filledCells = source.cells.reduce((last, cell, i) => (cell.trim() ? i + 1 : last), 0);

  // Cells beyond the header are what a stray delimiter or quote leaves: the values have shifted.
  if (filledCells > header.width) {
    reader.problem(null, {
      code: 'extra_cells',
      params: { cells: filledCells, columns: header.width },
    });
  }

  const located = readPremise(reader);
  const owner = readOwner(reader);
  const right = readRight(reader, options.today);
  const account = readAccount(reader, options.today);

  if ((right || account) && !OWNER_COLUMNS.some((column) => reader.filled(column))) {
    const columns = right ? RIGHT_COLUMNS : ACCOUNT_COLUMNS;

    reader.problem(columns.find((column) => reader.filled(column)) ?? null, {
      code: 'owner_missing',
    });
  }

  const warnings: RowWarning[] = [];

  if (located && located.premise.areaLiving !== null && located.premise.kind !== 'flat') {
    warnings.push({ field: 'areaLiving', code: 'living_area_not_flat' });
  }

  const clean = reader.problems.length === 0 && located !== null;

  return {
    line: source.line,
    label: labelOf(reader),
    row: clean
      ? {
          line: source.line,
          house: located.house,
          premise: located.premise,
          owner,
          right: owner ? (right ?? { ...EMPTY_RIGHT }) : null,
          account,
        }
      : null,
    problems: reader.problems,
    warnings,
  };
}

// Enough to recognise a row in the report; the cell rules decide what is stored.
const LABEL_MAX = 80;

function labelOf(reader: CellReader): RowLabel {
  const cut = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
  const person = ['surname', 'name', 'patronymic'].map((c) => reader.raw(c as ImportColumn));

  return {
    house: cut(reader.raw('house')),
    kind: cut(reader.raw('kind')),
    number: cut(reader.raw('number')),
    owner: cut(person.join(' ').trim() || reader.raw('fullName') || reader.raw('organisationName')),
  };
}

const EMPTY_RIGHT: Right = {
  share: WHOLE,
  titleDocument: null,
  rightNumber: null,
  rightDate: null,
};

/** Reads cells by column and collects what is wrong with them. */
class CellReader {
  readonly problems: RowProblem[] = [];
  private readonly dates = new Set<number>();
  private readonly formulas = new Set<number>();

  constructor(
    private readonly header: ImportHeader,
    private readonly source: { cells: string[]; marks?: { position: number; kind: string }[] },
  ) {
    for (const mark of source.marks ?? []) {
      (mark.kind === 'date' ? this.dates : this.formulas).add(mark.position);
    }
  }

  /** The cell's text as the file has it, trimmed; empty when the column is absent. */
  raw(column: ImportColumn): string {
    const position = this.header.positions[column];

    return position === undefined ? '' : (this.source.cells[position] ?? '').trim();
  }

  filled(column: ImportColumn): boolean {
    const cell = parseText(this.raw(column), Number.MAX_SAFE_INTEGER);

    return !cell.ok || cell.value !== null;
  }

  problem(field: ImportColumn | null, problem: Omit<RowProblem, 'field'>) {
    this.problems.push({ field, ...problem });
  }

  /** Parses a cell; a problem is recorded and null returned when it breaks a rule. */
  read<T>(
    column: ImportColumn,
    parse: (raw: string) => Cell<T>,
    options: { required?: boolean; dateColumn?: boolean } = {},
  ): T | null {
    const position = this.header.positions[column];

    if (position !== undefined && this.formulas.has(position)) {
      this.problem(column, { code: 'formula_without_value' });

      return null;
    }

    if (position !== undefined && this.dates.has(position) && !options.dateColumn) {
      const [year, month, day] = this.raw(column).split('-');

      this.problem(column, { code: 'excel_date', params: { value: `${day}.${month}.${year}` } });

      return null;
    }

    const cell = parse(this.raw(column));

    if (!cell.ok) {
      this.problem(column, { code: cell.code, ...(cell.params ? { params: cell.params } : {}) });

      return null;
    }

    if (cell.value === null && options.required) {
      this.problem(column, { code: 'required' });
    }

    return cell.value;
  }
}

function readPremise(reader: CellReader): { house: string; premise: PremiseFacts } | null {
  const house = reader.read('house', (raw) => parseText(raw, 300), { required: true });
  const kind = reader.read('kind', parseKind, { required: true });
  const number = reader.read('number', parsePremiseNumber, { required: true });
  const entrance = reader.read('entrance', (raw) => parseWhole(raw, { min: 1, max: 200 }));
  const floor = reader.read('floor', (raw) => parseWhole(raw, { min: -10, max: 200 }));
  const areaTotal = reader.read('areaTotal', parseAreaCell);
  const areaLiving = reader.read('areaLiving', parseAreaCell);
  const cadastralNumber = reader.read('cadastralNumber', parseCadastral);

  if (areaTotal && areaLiving && Number(areaLiving) > Number(areaTotal)) {
    reader.problem('areaLiving', {
      code: 'living_above_total',
      params: { living: areaLiving, total: areaTotal },
    });
  }

  if (!house || !kind || !number) {
    return null;
  }

  return {
    house,
    premise: {
      kind,
      number,
      numberKey: premiseNumberKey(number),
      entrance,
      floor,
      areaTotal,
      areaLiving,
      cadastralNumber,
    },
  };
}

function readOwner(reader: CellReader): Owner | null {
  if (!OWNER_COLUMNS.some((column) => reader.filled(column))) {
    return null;
  }

  const declared = reader.read('ownerKind', parseOwnerKind);
  const hasPerson = ['surname', 'name', 'patronymic', 'fullName'].some((column) =>
    reader.filled(column as ImportColumn),
  );
  const hasOrganisation = reader.filled('organisationName');

  if (declared === null && reader.filled('ownerKind')) {
    return null;
  }

  const kind = declared ?? (hasOrganisation && !hasPerson ? 'company' : 'person');

  if (kind === 'person') {
    if (hasOrganisation) {
      reader.problem('organisationName', { code: 'owner_mixed' });
    }

    return readPerson(reader);
  }

  if (hasPerson) {
    reader.problem(reader.filled('fullName') ? 'fullName' : 'surname', { code: 'owner_mixed' });
  }

  const name = reader.read('organisationName', (raw) => parseText(raw, 300), { required: true });
  const inn = reader.read('inn', parseOrganisationInn, { required: true });

  return name && inn ? { kind, key: `inn:${inn}`, name, inn } : null;
}

function readPerson(reader: CellReader): Owner | null {
  const separate = ['surname', 'name', 'patronymic'].some((column) =>
    reader.filled(column as ImportColumn),
  );
  let person: PersonName | null;

  if (separate || !reader.filled('fullName')) {
    const surname = reader.read('surname', parseNamePart, { required: true });
    const name = reader.read('name', parseNamePart, { required: true });
    const patronymic = reader.read('patronymic', parseNamePart);

    person = surname && name ? { surname, name, patronymic } : null;
  } else {
    person = reader.read('fullName', parseFullName, { required: true });
  }

  return person ? { kind: 'person', key: personKey(person), ...person } : null;
}

function readRight(reader: CellReader, today: string): Right | null {
  if (!RIGHT_COLUMNS.some((column) => reader.filled(column))) {
    return null;
  }

  const share = reader.read('share', parseShareCell);

  return {
    share: share ?? WHOLE,
    titleDocument: reader.read('titleDocument', (raw) => parseText(raw, 500)),
    rightNumber: reader.read('rightNumber', (raw) => parseText(raw, 100)),
    rightDate: reader.read('rightDate', (raw) => parseDateCell(raw, today), { dateColumn: true }),
  };
}

function readAccount(reader: CellReader, today: string): AccountFacts | null {
  if (!ACCOUNT_COLUMNS.some((column) => reader.filled(column))) {
    return null;
  }

  return {
    number: reader.read('accountNumber', parseAccountNumber),
    localNumber: reader.read('localAccountNumber', parseLocalAccount),
    openedOn: reader.read('accountOpenedOn', (raw) => parseDateCell(raw, today), {
      dateColumn: true,
    }),
  };
}
