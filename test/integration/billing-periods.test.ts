import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addMonths } from '../../src/domain/billing/period.js';
import { businessToday } from '../../src/server/modules/billing/billing-common.js';
import { executeRun } from '../../src/server/modules/billing/run-engine.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { ownersBilling, runAndClose } from '../support/billing.js';

describe('billing periods: none in the future, none skipped', () => {
  let world: AccessWorld;
  let admin: Session;
  let house: Awaited<ReturnType<typeof ownersBilling>>;
  const current = businessToday().slice(0, 7);

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    house = await ownersBilling(world);
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should refuse a run for a month that has not begun, and take the current one', async () => {
    const as = requestAs(world.platform, admin);

    for (const period of [addMonths(current, 1), '2099-12']) {
      const refused = await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
        houseId: house.houseId,
        period,
      });

      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('billing_period_in_future');
    }

    const started = await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
      houseId: house.houseId,
      period: current,
    });

    expect(started.statusCode).toBe(202);
  });

  it('should refuse to close a month when the month before it was never closed', async () => {
    const as = requestAs(world.platform, admin);
    const first = addMonths(current, -6);
    const skipped = addMonths(current, -4);

    await runAndClose(world, admin, house.orgId, house.houseId, first);

    const started = await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
      houseId: house.houseId,
      period: skipped,
    });

    expect(started.statusCode).toBe(202);

    const runId = started.json<{ id: string }>().id;

    await executeRun(world.platform.ctx, runId, 7);

    const closed = await as('POST', `/api/v1/billing-runs/${runId}/close`);

    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('billing_period_out_of_order');

    // Closing the month in between first makes the later one closable.
    await runAndClose(world, admin, house.orgId, house.houseId, addMonths(current, -5));
    expect((await as('POST', `/api/v1/billing-runs/${runId}/close`)).statusCode).toBe(200);
  });
});
