import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listBillableConsumption } from '../../src/server/modules/meters/billing-consumption.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { monthsAgo } from '../support/meters.js';

type Meter = {
  id: string;
  resource: string;
  zones: string[];
  status: string;
  verificationExpired: boolean;
  last: { value: string; period: string }[];
};

describe('meters: the demo world, the owner chart and the common-house imbalance', () => {
  let world: AccessWorld;
  let owner: Session;
  let admin: Session;

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    admin = await world.openSession('uk-admin@mpdom.test');
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it("gives the demo owner's flat water meters and a two-zone electricity meter with a year of readings", async () => {
    const response = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/premises/${world.ownerFlat}/meters`,
    );
    const body = response.json<{ meters: Meter[]; form: { targetPeriod: string } }>();

    expect(response.statusCode).toBe(200);
    expect(body.meters.map((m) => m.resource).sort()).toEqual([
      'cold_water',
      'electricity',
      'hot_water',
    ]);
    expect(body.meters.find((m) => m.resource === 'electricity')?.zones).toEqual(['day', 'night']);
    expect(body.meters.every((m) => m.last.every((r) => r.period === monthsAgo(1)))).toBe(true);

    const cold = body.meters.find((m) => m.resource === 'cold_water')!;
    const history = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/meters/${cold.id}/readings`,
    );

    expect(history.json().items.length).toBeGreaterThanOrEqual(13);
  });

  it('has expired verifications, a replaced meter and common-house meters in the demo houses', async () => {
    const db = world.platform.ctx.db;
    const [counts] = await db.query<{
      expired: number;
      replaced: number;
      common: number;
      houses: number;
    }>(
      `SELECT count(*) FILTER (WHERE next_verification_on < CURRENT_DATE)::int AS expired,
         count(*) FILTER (WHERE status = 'replaced')::int AS replaced,
         count(*) FILTER (WHERE premise_id IS NULL)::int AS common,
         count(DISTINCT house_id)::int AS houses
       FROM meters WHERE is_demo`,
    );

    expect(counts!.expired).toBeGreaterThan(0);
    expect(counts!.replaced).toBeGreaterThan(0);
    expect(counts!.common).toBe(counts!.houses * 3);
  });

  it("draws the owner's monthly consumption against the house average and the norm", async () => {
    const response = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/premises/${world.ownerFlat}/consumption?months=24`,
    );
    const body = response.json<{
      periods: string[];
      series: {
        resource: string;
        zone: string;
        points: {
          period: string;
          quantity: string | null;
          houseAverage: string | null;
          norm: string | null;
        }[];
      }[];
    }>();

    expect(response.statusCode).toBe(200);
    expect(body.periods).toHaveLength(24);

    const cold = body.series.find((s) => s.resource === 'cold_water')!;
    const last = cold.points.find((p) => p.period === monthsAgo(1))!;

    expect(Number(last.quantity)).toBeGreaterThan(0);
    expect(Number(last.houseAverage)).toBeGreaterThan(0);
    expect(cold.points.filter((p) => p.quantity !== null).length).toBeGreaterThanOrEqual(12);
    expect(
      body.series
        .filter((s) => s.resource === 'electricity')
        .map((s) => s.zone)
        .sort(),
    ).toEqual(['day', 'night']);
  });

  it('compares each common-house meter with the flats; normal losses are within tolerance', async () => {
    const response = await requestAs(world.platform, admin)(
      'GET',
      `/api/v1/organisations/${world.orgs.managing}/meter-imbalance?period=${monthsAgo(1)}`,
    );
    const body = response.json<{
      houses: {
        outOfLine: boolean;
        resources: { resource: string; common: string; individual: string; percent: number }[];
      }[];
    }>();

    expect(response.statusCode).toBe(200);
    expect(body.houses.length).toBeGreaterThan(0);

    const cold = body.houses[0]!.resources.find((r) => r.resource === 'cold_water')!;

    expect(Number(cold.common)).toBeGreaterThan(Number(cold.individual));
    expect(cold.percent).toBeGreaterThan(0);
    expect(cold.percent).toBeLessThan(10);
    expect(body.houses[0]!.outOfLine).toBe(false);

    const billed = await listBillableConsumption(world.platform.ctx.db, {
      houseIds: [
        (
          await world.platform.ctx.db.query<{ id: string }>(
            'SELECT house_id AS id FROM premises WHERE id = $1',
            [world.ownerFlat],
          )
        )[0]!.id,
      ],
      period: monthsAgo(1),
    });

    expect(billed.filter((b) => b.premiseId === null).length).toBe(3);
    expect(billed.every((b) => /^\d+(\.\d+)?$/.test(b.quantity))).toBe(true);
  });
});
