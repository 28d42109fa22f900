import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addressSearchText } from '../../src/domain/address/address-search.js';
import { formatExtractCsv } from '../../src/domain/registry-extract/extract-csv.js';
import { ownerNameKey } from '../../src/domain/registry-extract/owner-name.js';
import type { Platform } from '../../src/server/main.js';
import {
  buildDemoExtract,
  DEMO_AREA_DIFFERS,
  DEMO_EXTRACT_PATH,
  DEMO_REGISTRY_ONLY,
  seedDemoRegistry,
} from '../../src/server/modules/demo/demo.registry.js';
import { buildDemoWorld, type DemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { importRegistryExtract } from '../../src/server/modules/registry/registry-import.service.js';
import type { RegistryImportReport } from '../../src/server/modules/registry/registry-import.report.js';
import { insertHouse } from '../support/factories.js';
import { createTestPlatform } from '../support/platform.js';

const HOUSES = [
  { street: 'Тестовая', number: '15', residential: '2410.60', nonResidential: '310.40' },
  { street: 'Опытная', number: '21', residential: '1211.30', nonResidential: null },
];

/** A demo world on two houses whose addresses the registry import can match, and its extract. */
async function demoPlatform(dataDir: string) {
  const platform = await createTestPlatform({ DEMO: 'true', DATA_DIR: dataDir });

  for (const [index, house] of HOUSES.entries()) {
    const address = `обл. Свердловская, г. Екатеринбург, ул. ${house.street}, д. ${house.number}`;

    await insertHouse(platform.ctx.db, {
      portal_id: 7_000_001 + index,
      address,
      search_text: addressSearchText(address),
      area_residential: house.residential,
      area_non_residential: house.nonResidential,
      residential_premises_count: 30,
      non_residential_premises_count: house.nonResidential ? 3 : null,
      entrances: 2,
      floors_max: 5,
    });
  }

  const world = await buildDemoWorld(platform.ctx);
  const seeded = await seedDemoRegistry(platform.ctx, world!.houses);

  return { platform, world: world!, ...seeded };
}

type Side = { house: number; kind: string; number: string; area: string; owners: string[] };

describe('the demo registry extract', () => {
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-demo-registry-')));
  let platform: Platform;
  let world: DemoWorld;
  let file: string;
  let report: RegistryImportReport;

  beforeAll(async () => {
    ({ platform, world, file, report } = await demoPlatform(dirs[0]!));
  }, 60_000);

  afterAll(async () => {
    await platform.stop();

    for (const dir of dirs) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should be written under DATA_DIR and imported with every row reported', async () => {
    expect(file).toBe(path.join(dirs[0]!, DEMO_EXTRACT_PATH));

    const lines = fs.readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    const [premises] = await platform.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM premises',
    );

    expect(lines[0]).toBe(
      'cadastral_number;address;premise_number;kind;area;extracted_on;owner_kind;owner_name;' +
        'owner_inn;owner_snils;share;registration_number;registered_on',
    );
    expect(report).toMatchObject({
      status: 'imported',
      format: 'csv',
      rowsRead: lines.length - 1,
      objectsRead: premises!.n + DEMO_REGISTRY_ONLY.length,
      rightsRead: lines.length - 1,
      created: premises!.n + DEMO_REGISTRY_ONLY.length,
      updated: 0,
      unchanged: 0,
      housesMatched: premises!.n + DEMO_REGISTRY_ONLY.length,
      unmatched: [],
      errors: [],
      errorsTotal: 0,
      ignored: [],
    });
    expect(report.runId).not.toBeNull();
  });

  it('should agree with the demo world except the documented disagreements', async () => {
    const houseIndex = new Map(world.houses.map((house, index) => [house.id, index]));
    const platformSide = await platform.ctx.db.query<Side & { houseId: string; cadastral: string }>(
      `SELECT p.house_id AS "houseId", p.kind, p.number, p.area_total::text AS area,
         p.cadastral_number AS cadastral,
         array_agg(concat_ws(' ', pe.surname, pe.name, pe.patronymic, org.name) || ' ' ||
           o.share_numerator || '/' || o.share_denominator) AS owners
       FROM premises p JOIN ownerships o ON o.premise_id = p.id AND o.ended_on IS NULL
       LEFT JOIN persons pe ON pe.id = o.person_id
       LEFT JOIN organisations org ON org.id = o.organisation_id
       GROUP BY p.id`,
    );
    const registrySide = await platform.ctx.db.query<Side & { houseId: string; cadastral: string }>(
      `SELECT r.house_id AS "houseId", r.kind, r.premise_number AS number, r.area::text AS area,
         r.cadastral_number AS cadastral,
         array_agg(g.owner_name || ' ' || g.share_numerator || '/' || g.share_denominator
          ) AS owners
       FROM registry_objects r JOIN registry_rights g ON g.object_id = r.id GROUP BY r.id`,
    );
    const key = (side: { houseId: string; kind: string; number: string }) =>
      `${houseIndex.get(side.houseId)}|${side.kind}|${side.number}`;
    const registry = new Map(registrySide.map((object) => [key(object), object]));
    const differences: string[] = [];

    for (const premise of platformSide) {
      const object = registry.get(key(premise));

      registry.delete(key(premise));

      if (!object) {
        differences.push(`${key(premise)} missing`);
      } else if (object.area !== premise.area) {
        differences.push(`${key(premise)} area ${premise.area} → ${object.area}`);
      } else if (object.cadastral !== premise.cadastral) {
        differences.push(`${key(premise)} cadastral`);
      } else if (
        JSON.stringify(object.owners.map(ownerNameKey).sort()) !==
        JSON.stringify(premise.owners.map(ownerNameKey).sort())
      ) {
        differences.push(`${key(premise)} owners`);
      }
    }

    const flat = platformSide.find(
      (p) => houseIndex.get(p.houseId) === 0 && p.kind === 'flat' && p.number === '2',
    );
    const raised = (Number(flat!.area) + DEMO_AREA_DIFFERS.extraCenti / 100).toFixed(2);

    expect(differences).toEqual([`0|flat|2 area ${flat!.area} → ${raised}`]);
    const extra = [...registry.values()].map((o) => [key(o), o.area, o.owners]);

    expect(extra.sort()).toEqual([
      ['0|parking|М-7', '13.25', ['Демидова Анна Сергеевна 1/1']],
      ['0|storage|К-1', '4.20', ['Демидов Павел Андреевич 1/1']],
    ]);
  });

  it('should give the registry-only objects no platform premise yet', async () => {
    const rows = await platform.ctx.db.query(
      `SELECT id FROM premises WHERE number = ANY($1::text[])`,
      [DEMO_REGISTRY_ONLY.map((object) => object.number)],
    );

    expect(rows).toEqual([]);
  });

  it('should come out byte for byte the same from the same demo world', async () => {
    const again = await demoPlatform(dirs[1]!);

    try {
      expect(fs.readFileSync(again.file)).toEqual(fs.readFileSync(file));
    } finally {
      await again.platform.stop();
    }

    const rebuilt = await buildDemoExtract(platform.ctx.db, world.houses);

    expect(formatExtractCsv(rebuilt.rows)).toBe(fs.readFileSync(file, 'utf8'));
  }, 60_000);

  it('should tell co-owners who share a full name apart by ИНН', async () => {
    const [pair] = await platform.ctx.db.query<{ premiseId: string; first: string; other: string }>(
      `SELECT o.premise_id AS "premiseId", min(o.person_id::text) AS first,
         max(o.person_id::text) AS other
       FROM ownerships o WHERE o.person_id IS NOT NULL GROUP BY o.premise_id
       HAVING count(*) = 2 LIMIT 1`,
    );

    // A father and his son of one name: in the world, then in its extract.
    await platform.ctx.db.query(
      `UPDATE persons p SET surname = f.surname, name = f.name, patronymic = f.patronymic
       FROM persons f WHERE f.id = $1 AND p.id = $2`,
      [pair!.first, pair!.other],
    );

    const extract = await buildDemoExtract(platform.ctx.db, world.houses);
    const cadastral = extract.cadastral.get(pair!.premiseId);
    const twins = extract.rows.filter((row) => row.cadastral_number === cadastral);
    const preview = await importRegistryExtract(
      platform.ctx,
      { bytes: Buffer.from(formatExtractCsv(extract.rows)), fileName: 'twins.csv' },
      { dryRun: true },
    );

    expect(twins).toHaveLength(2);
    expect(twins[0]!.owner_name).toBe(twins[1]!.owner_name);
    expect(twins[0]!.owner_inn).toMatch(/^66\d{10}$/);
    expect(twins[1]!.owner_inn).toMatch(/^66\d{10}$/);
    expect(twins[0]!.owner_inn).not.toBe(twins[1]!.owner_inn);
    expect(preview).toMatchObject({ status: 'preview', errorsTotal: 0 });
    expect(extract.rows.filter((row) => row.owner_inn).length).toBe(2);
  });

  it('should change nothing when imported a second time', async () => {
    const second = await importRegistryExtract(platform.ctx, {
      bytes: fs.readFileSync(file),
      fileName: 'registry-extract.csv',
    });

    expect(second).toMatchObject({ status: 'imported', created: 0, updated: 0, errorsTotal: 0 });
    expect(second.unchanged).toBe(report.objectsRead);
  });
});
