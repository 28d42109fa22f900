/**
 * The columns of a premises import file, known by their header names in Russian or English. A
 * file may order them as it likes and leave out the optional ones; nothing relies on position.
 */
export const IMPORT_COLUMNS = [
  'house',
  'entrance',
  'floor',
  'number',
  'kind',
  'areaTotal',
  'areaLiving',
  'cadastralNumber',
  'ownerKind',
  'surname',
  'name',
  'patronymic',
  'fullName',
  'organisationName',
  'inn',
  'share',
  'titleDocument',
  'rightNumber',
  'rightDate',
  'accountNumber',
  'localAccountNumber',
  'accountOpenedOn',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** `ru` and `en` are the names the template writes; `aliases` are other spellings accepted. */
export type ColumnSpec = { ru: string; en: string; aliases: readonly string[] };

export const COLUMN_SPECS: Record<ImportColumn, ColumnSpec> = {
  house: {
    ru: 'Дом',
    en: 'House',
    aliases: ['Адрес', 'Адрес дома', 'Идентификатор дома', 'ID дома', 'Address', 'House id'],
  },
  entrance: { ru: 'Подъезд', en: 'Entrance', aliases: ['Номер подъезда', 'Entrance number'] },
  floor: { ru: 'Этаж', en: 'Floor', aliases: [] },
  number: {
    ru: 'Номер помещения',
    en: 'Premise number',
    aliases: ['Номер', '№ помещения', 'Номер квартиры', 'Квартира', 'Number', 'Premise'],
  },
  kind: {
    ru: 'Тип помещения',
    en: 'Kind',
    aliases: ['Тип', 'Вид помещения', 'Назначение', 'Premise kind', 'Premise type', 'Type'],
  },
  areaTotal: {
    ru: 'Общая площадь',
    en: 'Total area',
    aliases: ['Площадь', 'Площадь общая', 'Общая площадь, м2', 'Area', 'Area total'],
  },
  areaLiving: {
    ru: 'Жилая площадь',
    en: 'Living area',
    aliases: ['Площадь жилая', 'Жилая площадь, м2', 'Area living'],
  },
  cadastralNumber: {
    ru: 'Кадастровый номер',
    en: 'Cadastral number',
    aliases: ['Кадастровый номер помещения', 'Cadastral'],
  },
  ownerKind: {
    ru: 'Вид собственника',
    en: 'Owner kind',
    aliases: ['Тип собственника', 'Вид лица', 'Owner type'],
  },
  surname: { ru: 'Фамилия', en: 'Surname', aliases: ['Last name', 'Family name'] },
  name: { ru: 'Имя', en: 'Name', aliases: ['First name', 'Given name'] },
  patronymic: { ru: 'Отчество', en: 'Patronymic', aliases: ['Middle name'] },
  fullName: {
    ru: 'ФИО',
    en: 'Full name',
    aliases: ['ФИО собственника', 'Собственник', 'Owner', 'Owner name'],
  },
  organisationName: {
    ru: 'Наименование организации',
    en: 'Organisation name',
    aliases: ['Организация', 'Наименование', 'Organization name', 'Company', 'Company name'],
  },
  inn: { ru: 'ИНН', en: 'INN', aliases: ['ИНН организации', 'Tax id', 'TIN'] },
  share: { ru: 'Доля', en: 'Share', aliases: ['Доля в праве', 'Размер доли', 'Share of right'] },
  titleDocument: {
    ru: 'Документ-основание',
    en: 'Title document',
    aliases: ['Правоустанавливающий документ', 'Основание', 'Документ', 'Document'],
  },
  rightNumber: {
    ru: 'Номер регистрации права',
    en: 'Right number',
    aliases: ['Номер записи', 'Номер записи ЕГРН', 'Номер права', 'Registration number'],
  },
  rightDate: {
    ru: 'Дата регистрации права',
    en: 'Right date',
    aliases: ['Дата регистрации', 'Дата записи', 'Registration date', 'Right registered on'],
  },
  accountNumber: {
    ru: 'ЕЛС',
    en: 'Single account number',
    aliases: ['Единый лицевой счёт', 'Номер ЕЛС', 'ELS', 'Account number'],
  },
  localAccountNumber: {
    ru: 'Лицевой счёт',
    en: 'Local account number',
    aliases: ['Номер лицевого счёта', 'ЛС', 'Л/с', 'Local account', 'Personal account'],
  },
  accountOpenedOn: {
    ru: 'Дата открытия счёта',
    en: 'Account opened on',
    aliases: ['Дата открытия ЛС', 'Дата открытия лицевого счёта', 'Opened on', 'Account opened'],
  },
};

/** Without these a row cannot name a premise, so a file lacking them is refused whole. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['house', 'number', 'kind'];

/** Columns of the same group: the owner, the right, the account. */
export const OWNER_COLUMNS: readonly ImportColumn[] = [
  'ownerKind',
  'surname',
  'name',
  'patronymic',
  'fullName',
  'organisationName',
  'inn',
];
export const RIGHT_COLUMNS: readonly ImportColumn[] = [
  'share',
  'titleDocument',
  'rightNumber',
  'rightDate',
];
export const ACCOUNT_COLUMNS: readonly ImportColumn[] = [
  'accountNumber',
  'localAccountNumber',
  'accountOpenedOn',
];

/**
 * Columns people add from habit that the import reads on purpose as nothing. Residents are
 * persons registered in a premise (the billing norm counts them one by one, with dates), so a
 * bare count has nowhere meaningful to go; the house register records them individually.
 */
export type IgnoredReason = 'residents_are_persons';

const IGNORED_NAMES: Record<string, IgnoredReason> = {
  'Количество проживающих': 'residents_are_persons',
  'Кол-во проживающих': 'residents_are_persons',
  Проживающих: 'residents_are_persons',
  Проживает: 'residents_are_persons',
  'Количество зарегистрированных': 'residents_are_persons',
  Зарегистрировано: 'residents_are_persons',
  Residents: 'residents_are_persons',
  'Residents count': 'residents_are_persons',
};

/**
 * Folds a header name for matching: case, ё, spaces, punctuation and a byte-order mark do not
 * matter, so «Номер  помещения», «номер_помещения» and «НОМЕР-ПОМЕЩЕНИЯ» are one name.
 */
export function headerKey(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, ImportColumn>();

for (const column of IMPORT_COLUMNS) {
  const spec = COLUMN_SPECS[column];

  for (const name of [spec.ru, spec.en, ...spec.aliases, column]) {
    BY_KEY.set(headerKey(name), column);
  }
}

const IGNORED_BY_KEY = new Map(
  Object.entries(IGNORED_NAMES).map(([name, reason]) => [headerKey(name), reason]),
);

/** The column a header name stands for, or undefined. */
export function columnOf(raw: string): ImportColumn | undefined {
  return BY_KEY.get(headerKey(raw));
}

export type ImportHeader = {
  /** Position of each known column present in the file. */
  positions: Partial<Record<ImportColumn, number>>;
  /** The file's own spelling of each column it has, for messages and the report. */
  names: Partial<Record<ImportColumn, string>>;
  /** Header names this import does not know; their values are not read. */
  unknown: string[];
  /** Known names the import reads as nothing, with the reason. */
  ignored: { name: string; reason: IgnoredReason }[];
  /** Two header names meaning one column («Дом» and «Адрес»): which value wins is unclear. */
  ambiguous: { column: ImportColumn; names: string[] }[];
  missingRequired: ImportColumn[];
  /** Cells in the header row, up to the last named one. */
  width: number;
};

export function readHeader(cells: readonly string[]): ImportHeader {
  const positions: ImportHeader['positions'] = {};
  const names: ImportHeader['names'] = {};
  const unknown: string[] = [];
  const ignored: ImportHeader['ignored'] = [];
  const clashes = new Map<ImportColumn, string[]>();

  cells.forEach((raw, position) => {
    const name = raw.replace(/^\uFEFF/, '').trim();

    if (!name) {
      return;
    }

    const column = columnOf(name);
    const reason = IGNORED_BY_KEY.get(headerKey(name));

    if (column === undefined) {
      if (reason) {
        ignored.push({ name, reason });
      } else {
        unknown.push(name);
      }

      return;
    }

    if (positions[column] === undefined) {
      positions[column] = position;
      names[column] = name;
      clashes.set(column, [name]);
    } else {
      clashes.get(column)?.push(name);
    }
  });

  return {
    positions,
    names,
    unknown,
    ignored,
    ambiguous: [...clashes]
      .filter(([, spellings]) => spellings.length > 1)
      .map(([column, spellings]) => ({ column, names: spellings })),
    missingRequired: REQUIRED_COLUMNS.filter((column) => positions[column] === undefined),
    width: cells.reduce((last, cell, position) => (cell.trim() ? position + 1 : last), 0),
  };
}

/** The template's columns: every column but the full name, which the three name parts replace. */
export const TEMPLATE_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.filter(
  (column) => column !== 'fullName',
);

/** The template's header row in one language. */
export function templateHeader(locale: 'ru' | 'en'): string[] {
  return TEMPLATE_COLUMNS.map((column) => COLUMN_SPECS[column][locale]);
}
