import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkSingleAccountNumber } from '../../src/domain/accounts/single-account-number.js';
import {
  createImportWorld,
  csv,
  GOOD_ROWS,
  HEADER,
  type ImportWorld,
} from '../support/premises-import.js';
import { insertHouse } from '../support/factories.js';

type Report = { status: string; rows: Row[] };

type Row = {
  line: number;
  status: string;
  number: string;
  accountNumber: string | null;
  actions: string[];
  problems: { field: string | null; code: string; message: string }[];
};

describe('premises import: preview, import, rights', () => {
  let w: ImportWorld;

  beforeAll(async () => {
    w = await createImportWorld();
  });

  afterAll(async () => {
    await w.world.platform.stop();
  });

  const good = { data: csv([HEADER, ...GOOD_ROWS]), filename: 'дом.csv' };

  it('should preview every row of a good file and store nothing', async () => {
    const before = await w.stored(w.house.id);
    const response = await w.upload(w.admin, w.house.id, good);

    expect(response.statusCode).toBe(200);

    const report = response.json<Report>();

    expect(report).toMatchObject({
      status: 'preview',
      dryRun: true,
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      house: { id: w.house.id },
      totals: { rows: 5, create: 5, error: 0 },
      effects: {
        premisesCreated: 4,
        entrancesCreated: 1,
        personsCreated: 3,
        organisationsCreated: 1,
        ownershipsCreated: 4,
        accountsCreated: 4,
      },
    });
    expect(report.rows.map((r) => [r.line, r.status, r.number])).toEqual([
      [2, 'create', '1'],
      [3, 'create', '1'],
      [4, 'create', '2'],
      [5, 'create', '1Н'],
      [6, 'create', 'К-3'],
    ]);
    expect(await w.stored(w.house.id)).toEqual(before);
  });

  it('should import premises, owners and accounts in one go and report every row', async () => {
    const before = await w.stored(w.house.id);
    const response = await w.upload(w.accountant, w.house.id, good, { dryRun: false });

    expect(response.statusCode).toBe(200);

    const report = response.json<Report>();
    const after = await w.stored(w.house.id);

    expect(report.status).toBe('imported');
    expect(report.rows).toHaveLength(5);
    expect(after).toEqual({
      ...before,
      premises: before.premises + 4,
      entrances: before.entrances + 1,
      ownerships: before.ownerships + 4,
      accounts: before.accounts + 4,
      persons: before.persons + 3,
      organisations: before.organisations + 1,
      journal: before.journal + 1,
    });

    // The commit issues a valid ЕЛС for every account the file left without one.
    const issued = report.rows.flatMap((r) => r.accountNumber ?? []);

    expect(issued).toHaveLength(4);
    expect(issued.every((n) => checkSingleAccountNumber(n).valid)).toBe(true);

    const db = w.world.platform.ctx.db;
    const flat = await db.query<{ share: string; surname: string; local: string | null }>(
      `SELECT o.share_numerator || '/' || o.share_denominator AS share, pe.surname,
              a.local_number AS local
       FROM premises p JOIN ownerships o ON o.premise_id = p.id
       JOIN persons pe ON pe.id = o.person_id
       LEFT JOIN personal_accounts a ON a.premise_id = p.id AND a.payer_person_id = pe.id
       WHERE p.house_id = $1 AND p.number = '1' AND p.kind = 'flat' ORDER BY pe.surname`,
      [w.house.id],
    );

    expect(flat).toEqual([
      { share: '1/2', surname: 'Иванов', local: 'ПИ-1002' },
      { share: '1/2', surname: 'Иванова', local: 'ПИ-1001' },
    ]);

    const [shop] = await db.query<{ inn: string; area: string; source: string }>(
      `SELECT org.inn, p.area_total::text AS area, o.source FROM premises p
       JOIN ownerships o ON o.premise_id = p.id JOIN organisations org ON org.id = o.organisation_id
       WHERE p.house_id = $1 AND p.kind = 'non_residential'`,
      [w.house.id],
    );

    expect(shop).toEqual({ inn: '7707083893', area: '120.50', source: 'import' });
  });

  it('should find nothing to do when the same file comes again', async () => {
    const before = await w.stored(w.house.id);
    const report = (await w.upload(w.admin, w.house.id, good, { dryRun: false })).json();

    expect(report.totals).toMatchObject({ rows: 5, unchanged: 5, create: 0, error: 0 });
    expect(await w.stored(w.house.id)).toEqual({ ...before, journal: before.journal + 1 });
  });

  it('should change a stored premise and refuse to change a stored share', async () => {
    const header = ['Номер помещения', 'Тип помещения', 'Общая площадь', 'ФИО', 'Доля'];
    const change = await w.upload(
      w.admin,
      w.house.id,
      { data: csv([header, ['2', 'кв', '61', '', '']]), filename: 'area.csv' },
      { dryRun: false },
    );

    expect(change.json().rows[0]).toMatchObject({
      status: 'update',
      actions: ['premise.update'],
      changes: [{ field: 'areaTotal', from: '60.00', to: '61.00' }],
    });

    const [flat] = await w.world.platform.ctx.db.query<{ area: string }>(
      `SELECT area_total::text AS area FROM premises WHERE house_id = $1 AND number = '2'`,
      [w.house.id],
    );

    expect(flat!.area).toBe('61.00');

    const share = await w.upload(w.admin, w.house.id, {
      data: csv([header, ['1', 'кв', '45,3', 'Иванова Мария Петровна', '1/3']]),
      filename: 'share.csv',
    });

    expect(share.json().rows[0].problems).toMatchObject([
      { field: 'share', code: 'ownership_share_differs' },
    ]);
  });

  it('should refuse a file with broken rows whole, each row with its precise message', async () => {
    const rows = [
      ['10', 'кв', '', '', 'сорок', '', '', '', '', '', '', '', '', '', ''],
      ['11', 'кв', '', '', '40', '', '', 'ФЛ', 'Петров Пётр', '', '', '3/2', '', '', '01.01.2020'],
      ['12', 'кв', '', '', '40', '', '', 'ФЛ', 'Орлов Олег', '', '', '2/3', '', '', '01.01.2020'],
      ['12', 'кв', '', '', '40', '', '', 'ФЛ', 'Орлова Ольга', '', '', '2/3', '', '', '01.01.2020'],
      ['13', 'кв', '', '', '40', '', '', '', '', '', '', '', '', '', ''],
      ['13', 'кв', '', '', '41', '', '', '', '', '', '', '', '', '', ''],
      ['14', 'кв', '', '', '40', '', '66:41', '', '', '', '', '', '', '', ''],
      ['15', 'кв', '', '', '40', '', '', 'ФЛ', 'Лебедев Иван', '', '', '', '66AB12345', '', ''],
      ['16', 'нп', '', '', '40', '', '', 'ЮЛ', '', 'ООО «Ошибка»', '7707083894', '', '', '', ''],
      ['17', 'кв', '', '', '40', '', '', '', '', '', '', '', '', '', ''],
    ];
    const file = { data: csv([HEADER, ...rows]), filename: 'broken.csv' };
    const before = await w.stored(w.house.id);
    const preview = await w.upload(w.admin, w.house.id, file, { lang: 'en' });

    expect(preview.statusCode).toBe(200);
    expect(preview.json().status).toBe('refused');

    const byLine = new Map(preview.json<Report>().rows.map((r) => [r.line, r]));
    const codes = (line: number) => byLine.get(line)!.problems.map((p) => [p.field, p.code]);

    expect(codes(2)).toEqual([['areaTotal', 'area_invalid']]);
    expect(codes(3)).toEqual([['share', 'share_above_one']]);
    expect(codes(4)).toContainEqual(['share', 'shares_exceed_whole']);
    expect(codes(5)).toContainEqual(['share', 'shares_exceed_whole']);
    expect(codes(7)).toContainEqual(['areaTotal', 'premise_conflict']);
    expect(codes(8)).toEqual([['cadastralNumber', 'cadastral_invalid']]);
    expect(codes(9)).toEqual([['accountNumber', 'account_invalid']]);
    expect(codes(10)).toEqual([['inn', 'inn_checksum']]);
    // The first description of premise 13 stands; the second contradicts it.
    expect(byLine.get(6)!.status).toBe('create');
    expect(byLine.get(11)!.status).toBe('create');
    expect(byLine.get(2)!.problems[0]!.message).toBe(
      'an area is a number of square metres, e.g. 45.3',
    );

    const real = await w.upload(w.admin, w.house.id, file, { dryRun: false });

    expect(real.statusCode).toBe(422);
    expect(real.json()).toMatchObject({
      code: 'import_file_invalid',
      report: { status: 'refused', totals: { rows: 10, error: 8 } },
    });
    expect(real.json().detail).toContain('ничего не сохранено');
    expect(await w.stored(w.house.id)).toEqual(before);
  });

  it('should refuse a file lacking a required column or naming one twice', async () => {
    const missing = await w.upload(w.admin, w.house.id, {
      data: csv([
        ['Номер помещения', 'Площадь', 'Цвет двери'],
        ['1', '40', 'синий'],
      ]),
      filename: 'no-kind.csv',
    });

    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'import_file_invalid', problem: 'no_header' });
    expect(missing.json().detail).toContain('«Тип помещения»');

    const twice = await w.upload(w.admin, w.house.id, {
      data: csv([
        ['Номер', 'Номер квартиры', 'Тип'],
        ['1', '1', 'кв'],
      ]),
      filename: 'twice.csv',
    });

    expect(twice.json()).toMatchObject({ problem: 'ambiguous_columns' });
  });

  it('should name the unknown columns it does not read', async () => {
    const response = await w.upload(w.admin, w.house.id, {
      data: csv([
        ['Номер помещения', 'Тип', 'Площадь', 'Цвет двери'],
        ['20', 'кв', '40', 'синий'],
      ]),
      filename: 'extra.csv',
    });

    expect(response.json()).toMatchObject({ status: 'preview', unknownColumns: ['Цвет двери'] });
  });

  it('should refuse a row naming another house, and read an empty house cell as this one', async () => {
    const sibling = await insertHouse(w.world.platform.ctx.db, {
      managing_organisation_id: w.world.orgs.managing,
    });
    const response = await w.upload(w.admin, w.house.id, {
      data: csv([
        ['Дом', 'Номер', 'Тип', 'Площадь'],
        [sibling.id, '1', 'кв', '40'],
        [w.hoaHouse.id, '1', 'кв', '40'],
        ['', '21', 'кв', '40'],
      ]),
      filename: 'other.csv',
    });
    const [first, second, third] = response.json().rows;

    expect(first.problems).toMatchObject([{ field: 'house', code: 'house_not_chosen' }]);
    expect(second.problems).toMatchObject([{ field: 'house', code: 'house_not_managed' }]);
    expect(third).toMatchObject({ status: 'create', problems: [] });
  });

  it('should let only the office of the managing organisation import', async () => {
    const before = await w.stored(w.hoaHouse.id);

    expect((await w.upload(w.admin, w.hoaHouse.id, good, { dryRun: false })).statusCode).toBe(403);
    expect((await w.upload(w.dispatcher, w.house.id, good)).statusCode).toBe(403);
    expect((await w.upload(null, w.house.id, good)).statusCode).toBe(401);
    expect(await w.stored(w.hoaHouse.id)).toEqual(before);
  });

  it('should serve the template whose header the import reads', async () => {
    const template = await w.world.platform.app.inject({
      url: '/api/v1/premises-imports/template.csv',
    });

    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');

    const rowLine = ['', '', '', '30', 'хата', '33'];
    const header = template.body.replace(/\r\n$/, '');
    const response = await w.upload(w.admin, w.house.id, {
      data: `${header}\r\n${rowLine.join(';')}\r\n`,
      filename: 'template.csv',
    });

    expect(response.json().status).toBe('refused');
    expect(response.json().rows[0].problems[0]).toMatchObject({ code: 'kind_unknown' });
  });

  it('should describe both endpoints in the OpenAPI document', async () => {
    const doc = await w.world.platform.app.inject({ url: '/api/openapi.json' });
    const paths = doc.json<{ paths: Record<string, Record<string, unknown>> }>().paths;

    expect(Object.keys(paths['/api/v1/houses/{houseId}/premises-imports'] ?? {})).toEqual(['post']);
    expect(JSON.stringify(paths['/api/v1/houses/{houseId}/premises-imports'])).toContain(
      'PremisesImportReport',
    );
    expect(paths['/api/v1/premises-imports/template.csv']).toHaveProperty('get');
  });
});
