import { COLUMN_SPECS, type ImportColumn } from './columns.js';

/**
 * What can be wrong with a row of a premises import, each with a stable code (the UI filters by
 * it, tests match on it) and a message in Russian and English. `params` fill the message.
 */

export type Locale = 'ru' | 'en';

type Params = Record<string, string | number>;

type Template = { ru: (p: Params) => string; en: (p: Params) => string };

const fixed = (ru: string, en: string): Template => ({ ru: () => ru, en: () => en });

export const ROW_PROBLEMS = {
  malformed_row: {
    ru: (p) => `строка не читается как CSV: ${p.error}`,
    en: (p) => `the line is not readable CSV: ${p.error}`,
  },
  extra_cells: {
    ru: (p) =>
      `в строке ${p.cells} ячеек, а в заголовке ${p.columns} столбцов; проверьте разделители и кавычки`,
    en: (p) =>
      `the line has ${p.cells} cells but the header has ${p.columns} columns; check delimiters and quotes`,
  },
  required: fixed('обязательное значение не заполнено', 'a required value is empty'),
  too_long: {
    ru: (p) => `значение длиннее ${p.max} символов`,
    en: (p) => `the value is longer than ${p.max} characters`,
  },
  control_characters: fixed(
    'значение содержит управляющие символы',
    'the value contains control characters',
  ),
  excel_date: {
    ru: (p) =>
      `Excel превратил значение в дату ${p.value}; задайте столбцу текстовый формат и введите значение заново`,
    en: (p) =>
      `Excel turned the value into the date ${p.value}; format the column as text and type the value again`,
  },
  formula_without_value: fixed(
    'в ячейке формула без сохранённого значения; сохраните файл в Excel или вставьте значения',
    'the cell holds a formula with no saved value; save the file in Excel or paste values',
  ),
  kind_unknown: {
    ru: (p) =>
      `неизвестный тип помещения «${p.value}»; допустимы кв, нп, мм, кл (квартира, нежилое, машино-место, кладовая)`,
    en: (p) =>
      `unknown premise kind "${p.value}"; use flat, non_residential, parking or storage (кв, нп, мм, кл)`,
  },
  owner_kind_unknown: {
    ru: (p) =>
      `неизвестный вид собственника «${p.value}»; допустимы ФЛ, ЮЛ, МО (физическое лицо, юридическое лицо, муниципальное образование)`,
    en: (p) => `unknown owner kind "${p.value}"; use person, company or municipality`,
  },
  integer_invalid: fixed('ожидается целое число', 'a whole number is expected'),
  integer_range: {
    ru: (p) => `число вне допустимых пределов ${p.min}…${p.max}`,
    en: (p) => `the number is outside ${p.min}…${p.max}`,
  },
  area_invalid: fixed(
    'площадь — число в квадратных метрах, например 45,3',
    'an area is a number of square metres, e.g. 45.3',
  ),
  area_range: {
    ru: (p) => `площадь должна быть больше нуля и не больше ${p.max} м²`,
    en: (p) => `an area must be above zero and at most ${p.max} m²`,
  },
  living_above_total: {
    ru: (p) => `жилая площадь ${p.living} больше общей ${p.total}`,
    en: (p) => `the living area ${p.living} exceeds the total area ${p.total}`,
  },
  number_invalid: fixed(
    'номер помещения: буквы, цифры, дефис, точка или косая черта, до 20 символов',
    'a premise number has letters, digits, a dash, a dot or a slash, up to 20 characters',
  ),
  cadastral_invalid: fixed(
    'кадастровый номер должен иметь вид 66:41:0000000:123',
    'a cadastral number looks like 66:41:0000000:123',
  ),
  share_invalid: fixed(
    'доля записывается как 1, 1/2, 50% или 0,5',
    'a share is written as 1, 1/2, 50% or 0.5',
  ),
  share_zero: fixed('доля должна быть больше нуля', 'a share must be above zero'),
  share_above_one: fixed('доля не может быть больше целого', 'a share cannot exceed the whole'),
  share_too_large: fixed(
    'знаменатель доли больше 1 000 000',
    'the share denominator is above 1,000,000',
  ),
  inn_invalid: fixed('ИНН — 10 или 12 цифр', 'an INN has 10 or 12 digits'),
  inn_checksum: fixed(
    'контрольные цифры ИНН не сходятся; проверьте номер',
    'the INN check digits do not match; check the number',
  ),
  inn_not_organisation: fixed(
    'ИНН из 12 цифр принадлежит физическому лицу или ИП; у организации ИНН из 10 цифр',
    'a 12-digit INN belongs to a person or sole trader; an organisation has 10 digits',
  ),
  name_invalid: fixed(
    'в имени допустимы только буквы, пробел, дефис, апостроф и точка',
    'a name may only hold letters, spaces, dashes, apostrophes and dots',
  ),
  full_name_incomplete: fixed(
    'в ФИО должны быть хотя бы фамилия и имя',
    'a full name needs at least a surname and a given name',
  ),
  owner_mixed: fixed(
    'у строки одновременно заполнены ФИО и организация; оставьте одного собственника',
    'the row has both a person and an organisation; keep one owner',
  ),
  owner_missing: fixed(
    'доля, документ или счёт указаны без собственника',
    'a share, document or account is given without an owner',
  ),
  date_invalid: fixed(
    'дата записывается как 31.12.2020 или 2020-12-31',
    'a date is written as 31.12.2020 or 2020-12-31',
  ),
  date_range: {
    ru: (p) => `дата вне допустимых пределов (${p.min}–${p.max} годы)`,
    en: (p) => `the date is outside the years ${p.min}–${p.max}`,
  },
  date_future: fixed('дата ещё не наступила', 'the date is in the future'),
  account_invalid: fixed(
    'ЕЛС — 10 знаков: 2 цифры, 2 латинские буквы, 6 цифр, например 66AB123456',
    'a single account number has 10 characters: 2 digits, 2 letters, 6 digits, e.g. 66AB123456',
  ),
  local_account_invalid: fixed(
    'номер лицевого счёта: буквы, цифры, дефис, точка или косая черта, до 30 символов',
    'a local account number has letters, digits, a dash, a dot or a slash, up to 30 characters',
  ),
  account_opened_required: fixed(
    'для нового лицевого счёта нужна дата открытия',
    'a new personal account needs its opening date',
  ),
  // Across rows of the file
  premise_conflict: {
    ru: (p) => `помещение уже описано в строке ${p.first} с другим значением «${p.other}»`,
    en: (p) => `the premise is described on line ${p.first} with another value "${p.other}"`,
  },
  duplicate_owner: {
    ru: (p) => `этот собственник этого помещения уже указан в строке ${p.first}`,
    en: (p) => `this owner of this premise is already listed on line ${p.first}`,
  },
  shares_exceed_whole: {
    ru: (p) =>
      `сумма долей помещения ${p.sum} больше целого${p.stored ? ` (с учётом уже записанных прав ${p.stored})` : ''}`,
    en: (p) =>
      `the premise's shares add up to ${p.sum}, above the whole${p.stored ? ` (counting the rights already recorded, ${p.stored})` : ''}`,
  },
  duplicate_account: {
    ru: (p) => `этот номер счёта уже указан в строке ${p.first}`,
    en: (p) => `this account number is already used on line ${p.first}`,
  },
  duplicate_cadastral: {
    ru: (p) => `этот кадастровый номер в строке ${p.first} у другого помещения`,
    en: (p) => `line ${p.first} gives this cadastral number to another premise`,
  },
  // Against what the platform stores
  house_not_found: {
    ru: (p) => `дом «${p.value}» не найден в реестре домов`,
    en: (p) => `the house "${p.value}" is not in the house registry`,
  },
  house_not_managed: {
    ru: (p) => `дом «${p.value}» не в управлении вашей организации`,
    en: (p) => `the house "${p.value}" is not managed by your organisation`,
  },
  house_not_chosen: {
    ru: (p) => `дом «${p.value}» — не тот дом, в который идёт импорт (${p.chosen})`,
    en: (p) => `the house "${p.value}" is not the house being imported into (${p.chosen})`,
  },
  house_ambiguous: {
    ru: (p) => `адрес «${p.value}» подходит к нескольким домам; укажите идентификатор дома`,
    en: (p) => `the address "${p.value}" matches several houses; give the house id`,
  },
  area_required: fixed(
    'для нового помещения нужна общая площадь',
    'a new premise needs its total area',
  ),
  cadastral_taken: {
    ru: (p) => `кадастровый номер уже записан у помещения ${p.premise}`,
    en: (p) => `the cadastral number already belongs to premise ${p.premise}`,
  },
  ownership_share_differs: {
    ru: (p) =>
      `у этого собственника записана доля ${p.stored}; изменение доли оформляется сменой собственника, а не импортом`,
    en: (p) =>
      `this owner's recorded share is ${p.stored}; a change of share goes through a change of owner, not an import`,
  },
  account_other_premise: {
    ru: (p) => `счёт ${p.value} открыт на другое помещение (${p.premise})`,
    en: (p) => `account ${p.value} belongs to another premise (${p.premise})`,
  },
  account_other_organisation: {
    ru: (p) => `счёт ${p.value} ведёт другая организация`,
    en: (p) => `account ${p.value} is kept by another organisation`,
  },
  account_other_payer: {
    ru: (p) => `плательщик по счёту ${p.value} — другой человек или организация`,
    en: (p) => `account ${p.value} has another payer`,
  },
  account_closed: {
    ru: (p) => `счёт ${p.value} закрыт ${p.closedOn}`,
    en: (p) => `account ${p.value} was closed on ${p.closedOn}`,
  },
  local_account_taken: {
    ru: (p) => `лицевой счёт ${p.value} уже открыт на другое помещение или плательщика`,
    en: (p) => `local account ${p.value} already belongs to another premise or payer`,
  },
} satisfies Record<string, Template>;

export type ProblemCode = keyof typeof ROW_PROBLEMS;

/** Things worth a look that do not stop the import. */
export const ROW_WARNINGS = {
  shares_below_whole: {
    ru: (p) => `сумма долей помещения ${p.sum}, меньше целого: не все собственники указаны`,
    en: (p) => `the premise's shares add up to ${p.sum}, below the whole: some owners are missing`,
  },
  living_area_not_flat: fixed(
    'жилая площадь указана не для квартиры',
    'a living area is given for a premise that is not a flat',
  ),
  floor_above_house: {
    ru: (p) => `этаж выше этажности дома (${p.floors})`,
    en: (p) => `the floor is above the house's number of floors (${p.floors})`,
  },
} satisfies Record<string, Template>;

export type WarningCode = keyof typeof ROW_WARNINGS;

export type RowProblem = { field: ImportColumn | null; code: ProblemCode; params?: Params };

export type RowWarning = { field: ImportColumn | null; code: WarningCode; params?: Params };

export function problemMessage(problem: RowProblem, locale: Locale): string {
  return ROW_PROBLEMS[problem.code][locale](problem.params ?? {});
}

export function warningMessage(warning: RowWarning, locale: Locale): string {
  return ROW_WARNINGS[warning.code][locale](warning.params ?? {});
}

/** Problems of the file as a whole: it is refused before any row is looked at. */
export const FILE_PROBLEMS = {
  empty: fixed('файл пуст', 'the file is empty'),
  no_header: {
    ru: (p) =>
      `не найдена строка заголовка: нужны столбцы ${columnNames(p.missing, 'ru')}. Скачайте шаблон и сверьте названия столбцов`,
    en: (p) =>
      `no header row found: the columns ${columnNames(p.missing, 'en')} are required. Download the template and compare the column names`,
  },
  no_rows: fixed(
    'в файле только заголовок, строк с помещениями нет',
    'the file has a header but no premises',
  ),
  too_many_rows: {
    ru: (p) => `в файле больше ${p.max} строк; разделите его на части`,
    en: (p) => `the file has more than ${p.max} rows; split it into parts`,
  },
  ambiguous_columns: {
    ru: (p) => `столбцы ${p.names} означают одно и то же; оставьте один`,
    en: (p) => `the columns ${p.names} mean the same thing; keep one`,
  },
} satisfies Record<string, Template>;

/** «Дом», «Тип помещения» from column keys joined by commas. */
function columnNames(keys: string | number | undefined, locale: Locale): string {
  return String(keys ?? '')
    .split(',')
    .filter(Boolean)
    .map((key) => COLUMN_SPECS[key as ImportColumn]?.[locale] ?? key)
    .map((name) => (locale === 'ru' ? `«${name}»` : `"${name}"`))
    .join(', ');
}

export type FileProblemCode = keyof typeof FILE_PROBLEMS;

export type FileProblem = { code: FileProblemCode; params?: Params };

export function fileProblemMessage(problem: FileProblem, locale: Locale): string {
  return FILE_PROBLEMS[problem.code][locale](problem.params ?? {});
}
