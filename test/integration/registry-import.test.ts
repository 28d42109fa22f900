import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RegistryImportReport } from '../../src/server/modules/registry/registry-import.report.js';
import { importRegistryExtract } from '../../src/server/modules/registry/registry-import.service.js';
import { createRegistryWorld, registryFixture, type RegistryWorld } from '../support/registry.js';

/**
 * Importing registry extracts through the API: CSV in UTF-8 and Windows-1251, XML, the dry run,
 * re-importing the same facts, and an extract that changes an object. One world for the file:
 * each step builds on what the previous one stored, as an operator's imports would.
 */
describe('POST /api/v1/registry/imports', () => {
  let world: RegistryWorld;
  const csv = registryFixture('extract-small.csv');

  beforeAll(async () => {
    world = await createRegistryWorld();
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should preview a dry run with every row counted and store nothing', async () => {
    const response = await world.upload(
      world.callers.admin,
      { data: csv, name: 'extract-small.csv' },
      '?dryRun=true',
    );

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      runId: null,
      status: 'preview',
      dryRun: true,
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      rowsRead: 5,
      objectsRead: 4,
      rightsRead: 5,
      created: 4,
      updated: 0,
      unchanged: 0,
      housesMatched: 3,
      errors: [],
      errorsTotal: 0,
    });
    // Every row is accounted for, with what would become of its object.
    expect(response.json().rows).toEqual([
      { line: 2, cadastralNumber: '66:41:0999001:101', outcome: 'created' },
      { line: 3, cadastralNumber: '66:41:0999001:101', outcome: 'created' },
      { line: 4, cadastralNumber: '66:41:0999001:102', outcome: 'created' },
      { line: 5, cadastralNumber: '66:41:0999001:103', outcome: 'created' },
      { line: 6, cadastralNumber: '66:41:0999002:7', outcome: 'created' },
    ]);
    expect(await world.counts()).toEqual({ objects: 0, rights: 0, runs: 0 });
  });

  it('should import a UTF-8 CSV, match houses and report the address it could not', async () => {
    const response = await world.upload(world.callers.admin, {
      data: csv,
      name: 'extract-small.csv',
    });
    const report = response.json();

    expect(response.statusCode).toBe(200);
    expect(report).toMatchObject({ status: 'imported', created: 4, housesMatched: 3 });
    expect(report.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.unmatched).toEqual([
      {
        address: 'г. Екатеринбург, ул. Несуществующая, д. 99',
        reason: 'no_house',
        lines: [6],
        objects: 1,
      },
    ]);
    expect(await world.counts()).toEqual({ objects: 4, rights: 5, runs: 1 });

    const stored = await world.db.query<Record<string, unknown>>(
      `SELECT cadastral_number AS cn, premise_number AS "premiseNumber", kind, area::text AS area,
         house_id AS "houseId", is_demo AS "isDemo", import_run_id AS "runId"
       FROM registry_objects ORDER BY cadastral_number`,
    );

    expect(stored).toEqual([
      {
        cn: '66:41:0999001:101',
        premiseNumber: '1',
        kind: 'flat',
        area: '45.30',
        houseId: world.houseId,
        isDemo: false,
        runId: report.runId,
      },
      // No premise number column value: taken from the address («…, кв. 2»).
      expect.objectContaining({ cn: '66:41:0999001:102', premiseNumber: '2', area: '60.10' }),
      expect.objectContaining({ cn: '66:41:0999001:103', kind: 'non_residential' }),
      expect.objectContaining({ cn: '66:41:0999002:7', kind: 'parking', houseId: null }),
    ]);
  });

  it('should keep only a digest of a СНИЛС and the quoted name whole', async () => {
    const rights = await world.db.query<Record<string, unknown>>(
      `SELECT owner_name AS name, owner_snils_digest AS digest, share_numerator AS n,
         share_denominator AS d FROM registry_rights ORDER BY owner_name`,
    );

    expect(rights).toHaveLength(5);
    expect(rights.map((r) => r.name)).toContain('ООО "Реестр; и партнёры"');
    expect(JSON.stringify(rights)).not.toContain('11223344595');
    expect(rights.filter((r) => r.digest !== null)).toHaveLength(1);
    expect(rights.find((r) => r.name === 'Демидов Пётр Ильич')).toMatchObject({ n: 1, d: 2 });
  });

  it('should leave everything unchanged when the same extract comes again', async () => {
    const before = await world.db.query('SELECT * FROM registry_rights ORDER BY id');
    const response = await world.upload(world.callers.admin, {
      data: csv,
      name: 'extract-small.csv',
    });

    expect(response.json()).toMatchObject({ status: 'imported', created: 0, unchanged: 4 });
    const { rows } = response.json<RegistryImportReport>();

    expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(['unchanged']));
    expect(await world.counts()).toEqual({ objects: 4, rights: 5, runs: 2 });
    // Unchanged objects are not rewritten: their rights keep their ids.
    expect(await world.db.query('SELECT * FROM registry_rights ORDER BY id')).toEqual(before);
  });

  it('should read the same extract saved in Windows-1251 as the same facts', async () => {
    const cp1251 = iconv.encode(csv.toString('utf8'), 'win1251');

    expect(cp1251.equals(csv)).toBe(false);

    const response = await world.upload(world.callers.admin, {
      data: cp1251,
      name: 'extract-1251.csv',
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      encoding: 'windows-1251',
      rowsRead: 5,
      created: 0,
      updated: 0,
      unchanged: 4,
    });
  });

  it('should read the XML layout as the same facts as the CSV one', async () => {
    const response = await world.upload(world.callers.admin, {
      data: registryFixture('extract-small.xml'),
      name: 'extract-small.xml',
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'xml',
      delimiter: null,
      rowsRead: 5,
      objectsRead: 4,
      rightsRead: 5,
      unchanged: 4,
      errors: [],
    });
  });

  it('should replace the rights of an object a new extract restates', async () => {
    const changed = [
      'кадастровый номер,адрес,вид объекта,площадь,вид правообладателя,правообладатель,доля,' +
        'номер регистрации,дата регистрации',
      '66:41:0999001:101,"обл. Свердловская, г. Екатеринбург, ул. Реестровая, д. 5, кв. 1",' +
        'квартира,"45,3",физическое лицо,Демидова Анна Сергеевна,1,66:41:0999001:101-66/001/2024-5,' +
        '10.10.2024',
    ].join('\r\n');
    const response = await world.upload(world.callers.admin, {
      data: Buffer.from(changed),
      name: 'russian-headers.csv',
    });

    expect(response.json()).toMatchObject({
      delimiter: ',',
      rowsRead: 1,
      updated: 1,
      rows: [{ line: 2, cadastralNumber: '66:41:0999001:101', outcome: 'updated' }],
    });

    const object = await world.lookUp(world.callers.operator, '66:41:0999001:101');

    expect(object.json().rights).toEqual([
      expect.objectContaining({
        ownerName: 'Демидова Анна Сергеевна',
        shareText: '1',
        registrationNumber: '66:41:0999001:101-66/001/2024-5',
        registeredOn: '2024-10-10',
      }),
    ]);
    // Objects the extract does not list are left alone.
    expect(await world.counts()).toMatchObject({ objects: 4, rights: 4 });
  });

  it('should be callable from code, marking the objects it creates as demo data', async () => {
    const xml =
      '<registry-extract><object><cadastral-number>66:41:0999004:1</cadastral-number>' +
      '<address>г. Екатеринбург, ул. Демонстрационная, д. 1, кв. 1</address><kind>flat</kind>' +
      '<area>33.3</area></object></registry-extract>';
    const report = await importRegistryExtract(
      world.platform.ctx,
      { bytes: Buffer.from(xml), fileName: '/somewhere/demo.xml' },
      { dryRun: false, locale: 'ru', demo: true },
    );

    expect(report).toMatchObject({ status: 'imported', fileName: 'demo.xml', created: 1 });

    const [row] = await world.db.query<{ isDemo: boolean; rights: number }>(
      `SELECT o.is_demo AS "isDemo", count(r.id)::int AS rights FROM registry_objects o
       LEFT JOIN registry_rights r ON r.object_id = o.id
       WHERE o.cadastral_number = '66:41:0999004:1' GROUP BY o.id`,
    );

    expect(row).toEqual({ isDemo: true, rights: 0 });
  });
});
