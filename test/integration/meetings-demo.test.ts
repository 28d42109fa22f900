import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyChain } from '../../src/domain/meetings/ballot-chain.js';
import { chainedOf } from '../../src/server/modules/meetings/meeting-lifecycle.js';
import { findBallots } from '../../src/server/modules/meetings/ballots.repo.js';
import { createAccessWorld, type AccessWorld } from '../support/access-world.js';
import { as } from './meetings-world.js';

describe('the demo meeting', () => {
  let world: AccessWorld;

  beforeAll(async () => {
    world = await createAccessWorld();
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should be a counted meeting of the ТСЖ house, its chain intact and its head stored', async () => {
    const db = world.platform.ctx.db;
    const [meeting] = await db.query<{ id: string; head: string; houseId: string }>(
      `SELECT id, chain_head AS head, house_id AS "houseId" FROM meetings
       WHERE is_demo AND status = 'counted'`,
    );
    const ballots = await findBallots(db, meeting!.id);
    const chain = verifyChain(meeting!.id, ballots.map(chainedOf));

    expect(ballots.length).toBeGreaterThan(0);
    expect(chain).toEqual({ ok: true, head: meeting!.head, length: ballots.length });

    const board = await as(world, null)('GET', `/api/v1/buildings/${meeting!.houseId}/meetings`);

    expect(board.statusCode).toBe(200);
    expect(board.json()[0]).toMatchObject({ status: 'counted', protocol: null });
    expect(board.json()[0].decisions).toHaveLength(3);
  });
});
