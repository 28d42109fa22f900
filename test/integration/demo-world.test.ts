import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/demo.accounts.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { createTestPlatform } from '../support/platform.js';
import { insertHouse } from '../support/factories.js';

describe('buildDemoWorld', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });
    await insertHouse(platform.ctx.db, {
      area_residential: '4970.80',
      area_non_residential: '1606.80',
      residential_premises_count: 54,
      non_residential_premises_count: 6,
      entrances: 3,
      floors_max: 9,
    });
    await insertHouse(platform.ctx.db, {
      area_residential: '1211.30',
      area_non_residential: null,
      residential_premises_count: 30,
      non_residential_premises_count: null,
    });
  });

  afterAll(async () => {
    await platform.stop();
  });

  it("should lay out premises that add up to each house's registry areas", async () => {
    const world = await buildDemoWorld(platform.ctx);

    expect(world?.houses).toHaveLength(2);

    const sums = await platform.ctx.db.query<{
      address: string;
      kind: string;
      n: number;
      total: string;
      registry: string | null;
    }>(
      `SELECT h.address, p.kind, count(*)::int AS n, sum(p.area_total)::text AS total,
         CASE p.kind WHEN 'flat' THEN h.area_residential ELSE h.area_non_residential END::text
           AS registry
       FROM premises p JOIN houses h ON h.id = p.house_id GROUP BY h.id, p.kind ORDER BY n DESC`,
    );

    expect(sums.map((s) => [s.kind, s.n])).toEqual([
      ['flat', 54],
      ['flat', 30],
      ['non_residential', 6],
    ]);

    for (const sum of sums) {
      expect(sum.total).toBe(sum.registry);
    }
  });

  it('should give every premise owners whose shares add up to one', async () => {
    const bad = await platform.ctx.db.query(
      `SELECT premise_id FROM ownerships GROUP BY premise_id
       HAVING NOT (count(DISTINCT share_denominator) = 1
         AND sum(share_numerator) = min(share_denominator))`,
    );
    const orphans = await platform.ctx.db.query(
      'SELECT p.id FROM premises p LEFT JOIN ownerships o ON o.premise_id = p.id WHERE o.id IS NULL',
    );

    expect(bad).toEqual([]);
    expect(orphans).toEqual([]);
  });

  it('should mark everything it creates as demo and not build twice', async () => {
    const [people] = await platform.ctx.db.query<{ all: number; demo: number }>(
      'SELECT count(*)::int AS all, count(*) FILTER (WHERE is_demo)::int AS demo FROM persons',
    );

    expect(people?.all).toBeGreaterThan(84);
    expect(people?.demo).toBe(people?.all);
    expect(await buildDemoWorld(platform.ctx)).toBeNull();
  });

  it('should let every demo account sign in with the published password', async () => {
    const demo = await platform.app.inject({ method: 'GET', url: '/api/v1/demo?lang=en' });

    expect(demo.json().enabled).toBe(true);
    expect(demo.json().accounts).toHaveLength(DEMO_ACCOUNTS.length);

    for (const account of demo.json().accounts as { login: string; password: string }[]) {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { login: account.login, password: account.password },
      });

      expect(response.statusCode, account.login).toBe(201);
    }
  });
});
