import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/server/config.js';
import { importHouses } from '../../src/server/modules/buildings/buildings.import.js';
import type { ServiceContext } from '../../src/server/platform/context.js';
import { AppError } from '../../src/server/platform/errors.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from '../support/database.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/houses');
const FIXTURE = path.join(FIXTURES, 'houses-fixture.csv');
const OTHER_REGION = path.join(FIXTURES, 'houses-other-region.csv');

type HouseRow = Record<string, unknown>;

describe('importHouses on a fixture with every kind of broken row', () => {
  let ctx: ServiceContext;
  let dir: string;

  const house = async (portalId: number) => {
    const [row] = await ctx.db.query<HouseRow>(
      `SELECT h.*, h.area_total::text AS area_total_text, o.name AS organisation_name,
              o.portal_link AS organisation_link
         FROM houses h LEFT JOIN organisations o ON o.id = h.managing_organisation_id
        WHERE h.portal_id = $1`,
      [portalId],
    );

    return row;
  };
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);

    fs.writeFileSync(file, content);

    return file;
  };

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

    ctx = { config, db: await createTestDatabase(), logger: createLogger(config) };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-houses-'));
  });

  afterAll(async () => {
    await ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should import the good rows and report every broken one with its line', async () => {
    const progress: number[] = [];
    const report = await importHouses(ctx, FIXTURE, {
      onProgress: (p) => progress.push(p.rowsRead),
    });

    expect(report).toMatchObject({
      fileName: 'houses-fixture.csv',
      compressed: false,
      encoding: 'utf-8',
      rowsRead: 12,
      created: 6,
      updated: 0,
      unchanged: 0,
      skipped: 6,
      organisations: { created: 3, updated: 0 },
      extraColumns: [],
    });
    expect(
      report.skippedRows.map(({ line, reason, houseId }) => ({ line, reason, houseId })),
    ).toEqual([
      { line: 4, reason: 'house_id_missing', houseId: null },
      { line: 5, reason: 'house_id_invalid', houseId: '10A3' },
      { line: 6, reason: 'address_missing', houseId: '104' },
      { line: 8, reason: 'duplicate_house_id', houseId: '101' },
      { line: 11, reason: 'field_count', houseId: '107' },
      { line: 14, reason: 'malformed_csv', houseId: null },
    ]);
    expect(report.skippedRows[3]?.message).toBe('HOUSE_ID 101 already appeared on line 2');
    expect(report.warningCounts).toEqual({
      'LAT/LON: placeholder': 1,
      'YEAR: out_of_range': 1,
      'ROOM_COUNT: out_of_range': 1,
    });
    expect(report.warnings.find((w) => w.column === 'YEAR')).toMatchObject({
      line: 7,
      houseId: '105',
      value: '192',
    });
    expect(progress.at(-1)).toBe(12);
  });

  it('should store exact values and nulls, never zeros', async () => {
    const full = await house(101);
    const empty = await house(102);

    expect(full).toMatchObject({
      address: 'обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 5',
      search_text: 'свердловская екатеринбург малышева 5',
      latitude: 56.838607,
      longitude: 60.605514,
      year_built: 1969,
      service_started_on: '2006-06-01',
      is_emergency: false,
      floors_max: 5,
      premises_count: 80,
      area_total_text: '3512.40',
      organisation_name: 'ООО «УК «Дом»»',
      organisation_link: 'http://www.reformagkh.ru/mymanager/profile/1111/',
      time_zone: 'Asia/Yekaterinburg',
      extra: null,
    });
    expect(new Date(full?.portal_updated_at as string).toISOString()).toBe(
      '2016-04-09T01:24:00.000Z',
    );

    for (const column of ['year_built', 'latitude', 'floors_max', 'premises_count', 'area_total']) {
      expect(empty?.[column], column).toBeNull();
    }

    expect(empty?.is_emergency).toBe(false);
    expect(empty?.managing_organisation_id).toBeNull();
    expect((await house(105))?.year_built).toBeNull();
    expect((await house(105))?.latitude).toBeNull();
    // The line break inside the quoted field is read as part of the value, then squeezed.
    expect((await house(106))?.notes).toBe('Общая площадь уточняется');
    expect((await house(106))?.area_total_text).toBe('1200.56');
  });

  it('should deduplicate organisations by link, and by name where there is no link', async () => {
    const organisations = await ctx.db.query<{ name: string; link: string | null; houses: number }>(
      `SELECT o.name, o.portal_link AS link, count(h.id)::int AS houses
         FROM organisations o JOIN houses h ON h.managing_organisation_id = o.id
        GROUP BY o.id ORDER BY o.portal_link`,
    );

    // «ООО УК «ДОМ»» without a link is the same company as «ООО ""УК ""Дом""» with one; the two
    // ТСЖ «Наш дом» have different portal pages and are different associations.
    expect(organisations).toEqual([
      {
        name: 'ООО «УК «Дом»»',
        link: 'http://www.reformagkh.ru/mymanager/profile/1111/',
        houses: 2,
      },
      {
        name: 'ТСЖ «Наш дом»',
        link: 'http://www.reformagkh.ru/mymanager/profile/2222/',
        houses: 1,
      },
      {
        name: 'ТСЖ «Наш дом»',
        link: 'http://www.reformagkh.ru/mymanager/profile/3333/',
        houses: 1,
      },
    ]);
  });

  it('should change nothing when the same file is imported again', async () => {
    const [before] = await ctx.db.query<{ stamp: string }>(
      'SELECT max(updated_at)::text AS stamp FROM houses',
    );
    const report = await importHouses(ctx, FIXTURE);
    const [after] = await ctx.db.query<{ stamp: string }>(
      'SELECT max(updated_at)::text AS stamp FROM houses',
    );

    expect(report).toMatchObject({
      rowsRead: 12,
      created: 0,
      updated: 0,
      unchanged: 6,
      skipped: 6,
    });
    expect(report.organisations).toEqual({ created: 0, updated: 0 });
    expect(after?.stamp).toBe(before?.stamp);
  });

  it('should read a Windows-1251 copy and a gzipped copy exactly like the UTF-8 file', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const cp1251 = write('houses-1251.csv', iconv.encode(text, 'win1251'));
    const gzipped = write('houses.csv.data', gzipSync(Buffer.from(`\uFEFF${text}`, 'utf8')));

    const fromCp1251 = await importHouses(ctx, cp1251);
    const fromGzip = await importHouses(ctx, gzipped);

    // Same values as stored: nothing created or updated.
    expect(fromCp1251).toMatchObject({
      encoding: 'windows-1251',
      created: 0,
      updated: 0,
      unchanged: 6,
    });
    expect(fromGzip).toMatchObject({ encoding: 'utf-8', compressed: true, created: 0, updated: 0 });
    expect(fromGzip.skippedRows).toEqual(fromCp1251.skippedRows);
  });

  it('should read reordered and extra columns by name, keeping extras', async () => {
    const report = await importHouses(ctx, OTHER_REGION);

    expect(report).toMatchObject({
      rowsRead: 3,
      created: 1,
      updated: 1,
      unchanged: 1,
      skipped: 0,
      extraColumns: ['FIAS_GUID', 'METERS_HOT'],
      organisations: { created: 0, updated: 0 },
    });
    // 101 differs only by its FIAS GUID; 108 only in column order, so it is unchanged.
    expect((await house(101))?.extra).toEqual({
      FIAS_GUID: '5ee84ac0-eb9a-4b29-a8f0-0f2a4f7d3e01',
    });
    expect((await house(101))?.area_total_text).toBe('3512.40');
    expect((await house(201))?.extra).toEqual({ METERS_HOT: 'Да' });
    // «Общество с ограниченной ответственностью "Управляющая компания "Дом"»: the same company.
    expect((await house(201))?.organisation_link).toBe(
      'http://www.reformagkh.ru/mymanager/profile/1111/',
    );
  });

  it('should update only the changed house from a newer extract, and not go back in time', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const newer = write(
      'newer.csv',
      text.replace(',1969,09.04.2016 в 06:24,', ',1970,10.04.2016 в 06:24,'),
    );
    const older = write(
      'older.csv',
      text.replace(',1969,09.04.2016 в 06:24,', ',1950,01.01.2015 в 06:24,'),
    );

    expect(await importHouses(ctx, newer)).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    expect((await house(101))?.year_built).toBe(1970);
    expect(await importHouses(ctx, older)).toMatchObject({ updated: 0, unchanged: 6, outdated: 1 });
    expect((await house(101))?.year_built).toBe(1970);
  });

  it('should keep each run and its report in import_runs', async () => {
    const runs = await ctx.db.query<{ file_name: string; rows_read: number; report: unknown }>(
      `SELECT file_name, rows_read, skipped, report FROM import_runs ORDER BY started_at`,
    );
    const first = runs[0]?.report as { skippedRows: { line: number }[]; fileSha256: string };

    expect(runs[0]).toMatchObject({ file_name: 'houses-fixture.csv', rows_read: 12 });
    expect(first.skippedRows.map((row) => row.line)).toEqual([4, 5, 6, 8, 11, 14]);
    expect(first.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('files it refuses whole', () => {
    const refusal = async (file: string) => {
      const error = await importHouses(ctx, file).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('import_file_invalid');

      return (error as AppError).message;
    };

    it('should name a missing file', async () => {
      expect(await refusal(path.join(dir, 'nope.csv'))).toContain('file not found');
      expect(await refusal(dir)).toContain('not a regular file');
    });

    it('should name the required columns a header lacks', async () => {
      const file = write('no-id.csv', 'LAT,LON,ADDRESS\n1,2,"ул. Ленина, 1"\n');

      expect(await refusal(file)).toBe('the header lacks required columns: HOUSE_ID');
      expect(await refusal(write('empty.csv', ''))).toBe('the file is empty: no header row');
    });

    it('should refuse binary and damaged gzip files', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const gz = gzipSync(fs.readFileSync(FIXTURE));

      expect(await refusal(write('image.csv', png))).toContain('binary');
      expect(await refusal(write('cut.csv.gz', gz.subarray(0, gz.length / 2)))).toContain(
        'gzip data is damaged',
      );
    });

    it('should record a refused file as a failed run', async () => {
      const [row] = await ctx.db.query<{ report: { error?: string } }>(
        `SELECT report FROM import_runs WHERE file_name = 'cut.csv.gz'`,
      );

      expect(row?.report.error).toContain('gzip data is damaged');
    });
  });
});
