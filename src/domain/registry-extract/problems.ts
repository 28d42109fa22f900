/**
 * What can be wrong with a row of a registry extract, as stable codes per field, and how to say
 * it in Russian and English. Messages never repeat an owner's name, ИНН or СНИЛС: reports are
 * stored and shown to operators, and the line number is enough to find the value.
 */

export type ExtractField =
  | 'cadastral_number'
  | 'address'
  | 'premise_number'
  | 'kind'
  | 'area'
  | 'extracted_on'
  | 'owner_kind'
  | 'owner_name'
  | 'owner_inn'
  | 'owner_snils'
  | 'share'
  | 'registration_number'
  | 'registered_on';

/** The fields that describe the object; every right row of one object must repeat them alike. */
export const OBJECT_FIELDS = [
  'cadastral_number',
  'address',
  'premise_number',
  'kind',
  'area',
  'extracted_on',
] as const satisfies readonly ExtractField[];

/** The fields of one registered right. */
export const RIGHT_FIELDS = [
  'owner_kind',
  'owner_name',
  'owner_inn',
  'owner_snils',
  'share',
  'registration_number',
  'registered_on',
] as const satisfies readonly ExtractField[];

export const EXTRACT_FIELDS: readonly ExtractField[] = [...OBJECT_FIELDS, ...RIGHT_FIELDS];

export type ExtractProblemCode =
  | 'required'
  | 'format'
  | 'checksum'
  | 'range'
  | 'unknown_value'
  | 'zero'
  | 'above_one'
  | 'too_large'
  | 'too_long'
  | 'future'
  | 'too_old'
  | 'after_extract'
  | 'not_for_owner_kind'
  | 'repeated'
  | 'conflict'
  | 'duplicate_owner'
  | 'shares_above_one'
  | 'column_count';

/** One problem of one row; `row` is used when the row as a whole is wrong. */
export type ExtractProblem = {
  field: ExtractField | 'row';
  code: ExtractProblemCode;
  /** For `conflict` and `duplicate_owner`: the line the first value came from. */
  firstLine?: number;
};

export type LineProblem = ExtractProblem & { line: number };

type Text = { ru: string; en: string };

const FIELD_NAMES: Record<ExtractField | 'row', Text> = {
  cadastral_number: { ru: 'кадастровый номер', en: 'cadastral number' },
  address: { ru: 'адрес', en: 'address' },
  premise_number: { ru: 'номер помещения', en: 'premise number' },
  kind: { ru: 'вид объекта', en: 'kind of object' },
  area: { ru: 'площадь', en: 'area' },
  extracted_on: { ru: 'дата выписки', en: 'extract date' },
  owner_kind: { ru: 'вид правообладателя', en: 'kind of owner' },
  owner_name: { ru: 'правообладатель', en: 'owner' },
  owner_inn: { ru: 'ИНН', en: 'INN' },
  owner_snils: { ru: 'СНИЛС', en: 'SNILS' },
  share: { ru: 'доля', en: 'share' },
  registration_number: { ru: 'номер регистрации', en: 'registration number' },
  registered_on: { ru: 'дата регистрации', en: 'registration date' },
  row: { ru: 'строка', en: 'row' },
};

function reason(problem: ExtractProblem): Text {
  const first = problem.firstLine ?? 0;

  switch (problem.code) {
    case 'required':
      return { ru: 'не заполнено', en: 'is empty' };
    case 'format':
      return { ru: 'в неверном формате', en: 'is malformed' };
    case 'checksum':
      return { ru: 'не сходится контрольное число', en: 'fails its check digits' };
    case 'range':
      return {
        ru: 'номер из диапазона без контрольного числа (до 001-001-998)',
        en: 'is in the range without check digits (up to 001-001-998)',
      };
    case 'unknown_value':
      return { ru: 'неизвестное значение', en: 'has an unknown value' };
    case 'zero':
      return { ru: 'равна нулю', en: 'is zero' };
    case 'above_one':
      return { ru: 'больше целого (например, 3/2)', en: 'is above one whole (e.g. 3/2)' };
    case 'too_large':
      return { ru: 'слишком большое значение', en: 'is too large' };
    case 'too_long':
      return { ru: 'слишком длинное значение', en: 'is too long' };
    case 'future':
      return { ru: 'дата в будущем', en: 'is in the future' };
    case 'too_old':
      return { ru: 'дата раньше 1900 года', en: 'is before 1900' };
    case 'after_extract':
      return { ru: 'позже даты выписки', en: 'is after the extract date' };
    case 'not_for_owner_kind':
      return {
        ru: 'не подходит для этого вида правообладателя',
        en: 'does not fit this kind of owner',
      };
    case 'repeated':
      return { ru: 'указано дважды', en: 'is given twice' };
    case 'conflict':
      return {
        ru: `отличается от строки ${first} того же объекта`,
        en: `differs from line ${first} of the same object`,
      };
    case 'duplicate_owner':
      return {
        ru: `то же право этого правообладателя уже указано в строке ${first}`,
        en: `the same right of this owner is already listed on line ${first}`,
      };
    case 'shares_above_one':
      return {
        ru: 'сумма долей объекта превышает целое',
        en: 'makes the shares of the object add up to more than one',
      };
    case 'column_count':
      return {
        ru: 'число полей не совпадает с заголовком',
        en: 'has a different number of fields than the header',
      };
  }
}

/** `доля: больше целого (например, 3/2)` / `share: is above one whole (e.g. 3/2)`. */
export function problemMessage(problem: ExtractProblem): Text {
  const field = FIELD_NAMES[problem.field];
  const why = reason(problem);

  return { ru: `${field.ru}: ${why.ru}`, en: `${field.en} ${why.en}` };
}
