import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/server/config.js';
import { importHouses } from '../../src/server/modules/buildings/buildings.import.js';
import type { ServiceContext } from '../../src/server/platform/context.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from '../support/database.js';

const REGISTRY = path.resolve(import.meta.dirname, '../../data/houses/ekaterinburg-2016-09.csv.gz');

describe('importHouses on the shipped Ekaterinburg extract', () => {
  let ctx: ServiceContext;
  let dir: string;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

    ctx = { config, db: await createTestDatabase(), logger: createLogger(config) };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-registry-'));
  });

  afterAll(async () => {
    await ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should account for all 10,537 rows', async () => {
    const report = await importHouses(ctx, REGISTRY);
    const [stored] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM houses');

    expect(report.rowsRead).toBe(10_537);
    expect(report.created + report.skipped).toBe(10_537);
    expect(report.updated + report.unchanged).toBe(0);
    expect(stored?.n).toBe(report.created);
    expect(report).toMatchObject({ compressed: true, encoding: 'utf-8' });
  });

  it('should report the known mess of the extract as warnings, not as zeros', async () => {
    const [run] = await ctx.db.query<{ report: { warningCounts: Record<string, number> } }>(
      'SELECT report FROM import_runs ORDER BY started_at LIMIT 1',
    );

    // 353 houses carry the geocoder's Moscow fallback; YEAR «0» and «192»; SERVICEDATE_START
    // «08.07.0215»; ROOM_COUNT_LIVE «3 327 950».
    expect(run?.report.warningCounts).toMatchObject({
      'LAT/LON: placeholder': 353,
      'YEAR: out_of_range': 2,
      'SERVICEDATE_START: out_of_range': 1,
      'ROOM_COUNT_LIVE: out_of_range': 1,
    });

    const [counts] = await ctx.db.query<{ yearZero: number; floorsNull: number; areaNull: number }>(
      `SELECT count(*) FILTER (WHERE year_built = 0)::int AS "yearZero",
              count(*) FILTER (WHERE floors_max IS NULL)::int AS "floorsNull",
              count(*) FILTER (WHERE area_total IS NULL)::int AS "areaNull"
         FROM houses`,
    );

    // LEVELS_MAX is «Не заполнено» in 2,200 rows and AREA «Незаполнено» in 1,809: nulls all.
    expect(counts).toEqual({ yearZero: 0, floorsNull: 2_200, areaNull: 1_809 });
  });

  it('should link houses to organisations told apart by their portal page', async () => {
    const [counts] = await ctx.db.query<{
      organisations: number;
      linked: number;
      namesakes: number;
    }>(
      `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
              (SELECT count(*)::int FROM houses WHERE managing_organisation_id IS NOT NULL) AS linked,
              (SELECT count(*)::int FROM organisations
                WHERE normalized_name = 'тсж наш дом') AS namesakes`,
    );
    const [remp] = await ctx.db.query<{ name: string; kind: string; houses: number }>(
      `SELECT o.name, o.kind, count(*)::int AS houses
         FROM organisations o JOIN houses h ON h.managing_organisation_id = o.id
        WHERE o.portal_link = 'http://www.reformagkh.ru/mymanager/profile/7559694/'
        GROUP BY o.id`,
    );

    // 923 distinct portal pages; 2,476 rows name no organisation.
    expect(counts).toEqual({ organisations: 923, linked: 10_537 - 2_476, namesakes: 6 });
    expect(remp).toEqual({ name: 'ЗАО «УК «РЭМП»»', kind: 'management_company', houses: 452 });
  });

  it('should store a real house exactly', async () => {
    const [house] = await ctx.db.query<Record<string, unknown>>(
      `SELECT address, year_built, floors_max, premises_count, area_total::text AS area_total,
              area_residential::text AS area_residential, is_emergency, portal_updated_at,
              service_started_on, o.name AS organisation
         FROM houses h LEFT JOIN organisations o ON o.id = h.managing_organisation_id
        WHERE portal_id = 9100559`,
    );

    expect(house).toMatchObject({
      address: 'обл. Свердловская, г. Екатеринбург, ул. 40-летия Октября, д. 47',
      year_built: 1948,
      floors_max: 2,
      premises_count: 16,
      area_total: '827.50',
      area_residential: '739.50',
      is_emergency: false,
      service_started_on: '2015-12-17',
      organisation: 'АО «УК «ЕРЦ»»',
    });
    expect(new Date(house?.portal_updated_at as string).toISOString()).toBe(
      '2016-04-29T05:45:00.000Z',
    );
  });

  it('should change nothing on a second import', async () => {
    const report = await importHouses(ctx, REGISTRY);

    expect(report).toMatchObject({ rowsRead: 10_537, created: 0, updated: 0, unchanged: 10_537 });
  });

  it('should update only the house a modified copy changes', async () => {
    const text = gunzipSync(fs.readFileSync(REGISTRY)).toString('utf8');
    const row = text.split('\n').find((line) => line.includes(',9100559,')) ?? '';
    const changed = row.replace(',1948,29.04.2016 в 10:45,', ',1949,30.04.2016 в 10:45,');
    const copy = path.join(dir, 'modified.csv.gz');

    expect(changed).not.toBe(row);
    fs.writeFileSync(copy, gzipSync(text.replace(row, changed)));

    const report = await importHouses(ctx, copy);
    const [house] = await ctx.db.query<{ year_built: number }>(
      'SELECT year_built FROM houses WHERE portal_id = 9100559',
    );

    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 10_536, skipped: 0 });
    expect(house?.year_built).toBe(1949);
  });
});
