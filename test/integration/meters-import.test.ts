import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { createMeter, dayOf, monthsAgo, setWindow } from '../support/meters.js';
import { multipartBody } from '../support/sample-files.js';

type Report = {
  rowsTotal: number;
  rowsImported: number;
  rowsFlagged: number;
  rowsRefused: number;
  problems: { line: number; severity: string; code: string; message: string }[];
};

describe('meters: staff import of readings with a per-row report (CSV, XLSX, hostile files)', () => {
  let world: AccessWorld;
  let admin: Session;
  let dispatcher: Session;
  let cold: { id: string };
  let power: { id: string };
  let hoaMeter: { id: string };

  const upload = (
    session: Session | null,
    data: Buffer | string,
    filename = 'readings.csv',
    orgId = world.orgs.managing,
  ) => {
    const { payload, headers } = multipartBody([
      {
        name: 'file',
        filename,
        contentType: 'text/csv',
        data: Buffer.isBuffer(data) ? data : Buffer.from(data),
      },
    ]);

    return world.platform.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${orgId}/reading-imports`,
      payload,
      headers: {
        ...headers,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      },
    });
  };

  const readings = async (meterId: string) =>
    (await requestAs(world.platform, admin)('GET', `/api/v1/meters/${meterId}/readings`)).json<{
      items: {
        period: string;
        zone: string;
        value: string;
        flag: string | null;
        billable: boolean;
      }[];
    }>().items;

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    dispatcher = await world.openSession('dispatcher@mpdom.test');
    await setWindow(world, admin, world.orgs.managing);
    cold = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ИМП-ХВ-1',
      initialValues: [{ zone: 'single', value: '245,3' }],
    });
    power = await createMeter(world, admin, world.ownerFlat, {
      resource: 'electricity',
      zones: 2,
      integerDigits: 6,
      fractionDigits: 1,
      serialNumber: 'ИМП-Э-1',
      initialValues: [
        { zone: 'day', value: '1200' },
        { zone: 'night', value: '800' },
      ],
    });

    const tsj = await world.openSession('tsj@mpdom.test');
    const [flat] = await world.platform.ctx.db.query<{ id: string }>(
      `SELECT p.id FROM premises p JOIN houses h ON h.id = p.house_id
       WHERE h.managing_organisation_id = $1 AND p.kind = 'flat' LIMIT 1`,
      [world.orgs.hoa],
    );

    hoaMeter = await createMeter(world, tsj, flat!.id, {
      serialNumber: 'ЧУЖОЙ-1',
      initialValues: [{ zone: 'single', value: '1' }],
    });
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('C10 3: a decrease is imported flagged (no billing) and the good rows land; the file never fails whole', async () => {
    const period = monthsAgo(1);
    const response = await upload(
      admin,
      [
        'Заводской номер;Зона;Показание;Дата',
        `ИМП-ХВ-1;;244,900;${dayOf(period, 20)}`,
        `ИМП-Э-1;Т1;1250;${dayOf(period, 20)}`,
        `ИМП-Э-1;Т2;790;${dayOf(period, 20)}`,
      ].join('\n'),
    );
    const report = response.json<Report>();

    expect(response.statusCode).toBe(200);
    expect(report).toMatchObject({ rowsTotal: 3, rowsImported: 3, rowsFlagged: 2, rowsRefused: 0 });
    expect(report.problems.map((p) => [p.line, p.severity, p.code])).toEqual([
      [2, 'flagged', 'reading_lower_than_previous'],
      [4, 'flagged', 'reading_lower_than_previous'],
    ]);
    expect((await readings(cold.id)).at(-1)).toMatchObject({
      value: '244.9',
      flag: 'reading_lower_than_previous',
      billable: false,
    });
    expect(
      (await readings(power.id)).find((r) => r.zone === 'day' && r.period === period)?.value,
    ).toBe('1250');
  });

  it('refuses the decreasing rows instead when the organisation says so', async () => {
    await setWindow(world, admin, world.orgs.managing, { decreasePolicy: 'refuse' });

    const response = await upload(
      admin,
      `Заводской номер;Показание;Дата\nИМП-ХВ-1;200;${dayOf(monthsAgo(0), 1)}\n`,
    );

    expect(response.json<Report>()).toMatchObject({
      rowsImported: 0,
      rowsRefused: 1,
      problems: [{ line: 2, code: 'reading_lower_than_previous' }],
    });
    await setWindow(world, admin, world.orgs.managing);
  });

  it('reports every hostile row with its line and reason, and stores only the good one', async () => {
    const period = monthsAgo(0);
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const lines = [
      'serial,zone,value,date',
      `ИМП-ХВ-1,,250.5,${dayOf(period, 1)}`,
      `ИМП-ХВ-1,,251,${dayOf(period, 1)}`,
      `ИМП-ХВ-1,,99999999999999,${today}`,
      `ИМП-ХВ-1,,-5,${today}`,
      `ИМП-ХВ-1,,двести,${today}`,
      `ИМП-ХВ-1,,260,${soon}`,
      `ИМП-ХВ-1,,260,32.13.2026`,
      `ЧУЖОЙ-1,,5,${today}`,
      `НЕТ-ТАКОГО,,5,${today}`,
      `ИМП-Э-1,,1300,${today}`,
      `,,5,${today}`,
      '"broken,quote,row',
    ];
    const response = await upload(admin, lines.join('\r\n'));
    const report = response.json<Report>();

    expect(response.statusCode).toBe(200);
    expect(report.rowsImported).toBe(1);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'import_duplicate_row'],
      [4, 'reading_exceeds_capacity'],
      [5, 'reading_negative'],
      [6, 'reading_not_a_number'],
      [7, 'reading_in_future'],
      [8, 'import_date_invalid'],
      [9, 'import_meter_unknown'],
      [10, 'import_meter_unknown'],
      [11, 'import_zone_not_on_meter'],
      [12, 'import_serial_missing'],
      [13, 'import_row_unreadable'],
    ]);
    expect(report.problems.every((p) => p.message.length > 10)).toBe(true);
    const [untouched] = await world.platform.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM meter_readings WHERE meter_id = $1',
      [hoaMeter.id],
    );

    // Another organisation's meter is «unknown» here and keeps only its initial value.
    expect(untouched!.n).toBe(1);
    expect(
      (await readings(cold.id)).filter((r) => r.period === period).map((r) => r.value),
    ).toEqual(['250.5']);
  });

  it('reads an XLSX workbook the same way', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Показания');

    sheet.addRow(['Заводской номер', 'Зона', 'Показание', 'Дата']);
    sheet.addRow(['ИМП-Э-1', 'день', '1300,5', dayOf(monthsAgo(0), 1)]);
    sheet.addRow(['ИМП-Э-1', 'ночь', '850', dayOf(monthsAgo(0), 1)]);

    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const response = await upload(admin, bytes, 'readings.xlsx');

    expect(response.statusCode).toBe(200);
    expect(response.json<Report>()).toMatchObject({
      rowsTotal: 2,
      rowsImported: 2,
      rowsRefused: 0,
    });
  });

  it('refuses an empty file, a file without the columns and a file that is not a table', async () => {
    expect((await upload(admin, '')).json<{ code: string }>().code).toBe('empty_file');

    const noColumns = await upload(admin, 'Адрес;Квартира\nМалышева;1\n');

    expect(noColumns.statusCode).toBe(422);
    expect(noColumns.json()).toMatchObject({
      code: 'import_file_invalid',
      missingColumns: ['serial', 'value', 'takenOn'],
    });

    const pdf = await upload(
      admin,
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      'readings.csv',
    );

    expect(pdf.statusCode).toBe(415);

    const headerOnly = await upload(admin, 'Заводской номер;Показание;Дата\n');

    expect(headerOnly.json<Report>()).toMatchObject({ rowsTotal: 0, rowsImported: 0 });
  });

  it('lets only the office import, and only for its own organisation', async () => {
    const csv = `Заводской номер;Показание;Дата\nИМП-ХВ-1;300;\n`;

    expect((await upload(dispatcher, csv)).statusCode).toBe(403);
    expect((await upload(null, csv)).statusCode).toBe(401);
    expect((await upload(admin, csv, 'readings.csv', world.orgs.hoa)).statusCode).toBe(403);
  });
});
