import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createImportWorld,
  csv,
  GOOD_ROWS,
  HEADER,
  win1251,
  type ImportWorld,
} from '../support/premises-import.js';
import { samplePng } from '../support/sample-files.js';
import { zipOf } from '../support/zip-bomb.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CONTENT_TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-' +
  'officedocument.spreadsheetml.sheet.main+xml"/></Types>';

async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Помещения');

  sheet.addRow(['Реестр помещений дома']);
  sheet.addRow([]);
  rows.forEach((row) => sheet.addRow(row));

  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('premises import: file formats and hostile files', () => {
  let w: ImportWorld;

  beforeAll(async () => {
    w = await createImportWorld();
  });

  afterAll(async () => {
    await w.world.platform.stop();
  });

  const good = csv([HEADER, ...GOOD_ROWS]);

  it('should read CSV in Windows-1251 as Russian Excel saves it', async () => {
    const response = await w.upload(w.admin, w.house.id, {
      data: win1251(good),
      filename: 'дом-1251.csv',
    });

    expect(response.json()).toMatchObject({
      status: 'preview',
      encoding: 'windows-1251',
      totals: { rows: 5, create: 5 },
    });
    expect(response.json().rows[0].owner).toBe('Иванова М. П.');
  });

  it('should read CSV in UTF-8 with a byte-order mark and commas', async () => {
    const text = `\uFEFF${[HEADER, ...GOOD_ROWS].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n')}`;
    const response = await w.upload(w.admin, w.house.id, { data: text, filename: 'bom.csv' });

    expect(response.json()).toMatchObject({
      status: 'preview',
      encoding: 'utf-8',
      delimiter: ',',
      totals: { rows: 5, create: 5 },
    });
  });

  it('should import an XLSX workbook with a title above the header and numbers as numbers', async () => {
    const rows = [
      ['Номер помещения', 'Тип помещения', 'Общая площадь', 'ФИО', 'Дата открытия счёта'],
      [101, 'кв', 52.7, 'Кузнецова Анна Игоревна', new Date(Date.UTC(2019, 4, 20))],
      ['102', 'Квартира', 48, 'Кузнецов Иван', new Date(Date.UTC(2019, 4, 21))],
    ];
    const data = await workbook(rows);
    const before = await w.stored(w.house.id);
    const response = await w.upload(
      w.admin,
      w.house.id,
      { data, filename: 'дом.xlsx', contentType: XLSX },
      { dryRun: false },
    );

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'imported',
      format: 'xlsx',
      headerLine: 3,
      totals: { rows: 2, create: 2 },
    });
    expect(response.json<{ rows: { line: number }[] }>().rows.map((r) => r.line)).toEqual([4, 5]);
    expect(await w.stored(w.house.id)).toMatchObject({
      premises: before.premises + 2,
      ownerships: before.ownerships + 2,
      accounts: before.accounts + 2,
    });

    const [flat] = await w.world.platform.ctx.db.query<{ area: string; opened: string }>(
      `SELECT p.area_total::text AS area, a.opened_on::text AS opened FROM premises p
       JOIN personal_accounts a ON a.premise_id = p.id WHERE p.house_id = $1 AND p.number = '101'`,
      [w.house.id],
    );

    expect(flat).toEqual({ area: '52.70', opened: '2019-05-20' });
  });

  it('should refuse a PNG renamed .csv by what it is', async () => {
    const response = await w.upload(w.admin, w.house.id, {
      data: samplePng(),
      filename: 'дом.csv',
    });

    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'unsupported_media_type',
      detectedType: 'image/png',
    });
    expect(response.json().detail).toContain('PNG');
  });

  it('should refuse a workbook named .csv and CSV text named .xlsx', async () => {
    const book = await workbook([
      ['Номер', 'Тип', 'Площадь'],
      ['1', 'кв', '40'],
    ]);
    const xlsxAsCsv = await w.upload(w.admin, w.house.id, { data: book, filename: 'a.csv' });
    const csvAsXlsx = await w.upload(w.admin, w.house.id, { data: good, filename: 'a.xlsx' });

    expect(xlsxAsCsv.statusCode).toBe(415);
    expect(xlsxAsCsv.json()).toMatchObject({ code: 'file_type_mismatch', extension: 'csv' });
    expect(csvAsXlsx.json()).toMatchObject({ code: 'file_type_mismatch', extension: 'xlsx' });
  });

  it('should refuse an empty file and a file of blank lines', async () => {
    const empty = await w.upload(w.admin, w.house.id, { data: '', filename: 'empty.csv' });
    const blank = await w.upload(w.admin, w.house.id, { data: '\r\n;;\r\n', filename: 'b.csv' });

    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('empty_file');
    expect(blank.json()).toMatchObject({ code: 'import_file_invalid', problem: 'empty' });
  });

  it('should refuse a file above 20 MB before reading it', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const response = await w.upload(w.admin, w.house.id, { data: huge, filename: 'huge.csv' });

    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'payload_too_large',
      maxBytes: 20 * 1024 * 1024,
    });
  });

  it('should refuse a workbook that inflates past the limit, storing nothing', async () => {
    const zeros = Buffer.alloc(80 * 1024 * 1024);
    const bomb = zipOf([
      // The content types of a workbook: by its content the archive is an XLSX.
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      ...[1, 2, 3, 4].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: zeros })),
    ]);
    const before = await w.stored(w.house.id);

    expect(bomb.length).toBeLessThan(1024 * 1024);

    const response = await w.upload(
      w.admin,
      w.house.id,
      { data: bomb, filename: 'bomb.xlsx', contentType: XLSX },
      { dryRun: false },
    );

    expect(response.statusCode).toBe(413);
    expect(response.json().detail).toContain('распаковывается больше');
    expect(await w.stored(w.house.id)).toEqual(before);
  });

  it('should refuse a workbook whose directory understates what it inflates to', async () => {
    const zeros = Buffer.alloc(310 * 1024 * 1024);
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1000 },
    ]);
    const response = await w.upload(w.admin, w.house.id, {
      data: bomb,
      filename: 'lying.xlsx',
      contentType: XLSX,
    });

    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('should refuse a damaged workbook', async () => {
    const book = await workbook([
      ['Номер', 'Тип', 'Площадь'],
      ['1', 'кв', '40'],
    ]);
    const cut = book.subarray(0, book.length - 30);
    const response = await w.upload(w.admin, w.house.id, {
      data: cut,
      filename: 'cut.xlsx',
      contentType: XLSX,
    });

    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('import_file_invalid');
  });

  it('should report a CSV line with a stray quote at its line and store nothing', async () => {
    const text = csv([
      ['Номер', 'Тип', 'Площадь'],
      ['1', 'кв', '40'],
      ['2', 'кв "угловая', '40'],
      ['3', 'кв', '40'],
    ]);
    const before = await w.stored(w.house.id);
    const response = await w.upload(
      w.admin,
      w.house.id,
      { data: text, filename: 'q.csv' },
      {
        dryRun: false,
      },
    );

    expect(response.statusCode).toBe(422);

    const rows = response.json().report.rows as { line: number; status: string }[];

    expect(rows.find((r) => r.line === 3)?.status).toBe('error');
    expect(rows.filter((r) => r.status !== 'error').map((r) => r.line)).toEqual([2, 4]);
    expect(await w.stored(w.house.id)).toEqual(before);
  });
});
