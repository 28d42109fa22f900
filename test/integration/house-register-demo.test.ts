import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkSingleAccountNumber } from '../../src/domain/accounts/single-account-number.js';
import type { Platform } from '../../src/server/main.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { insertHouse } from '../support/factories.js';
import { createTestPlatform } from '../support/platform.js';

describe('the demo ledger: entrances, contracts and accounts of the demo houses', () => {
  let platform: Platform;
  const query = <Row>(sql: string, params?: unknown[]) => platform.ctx.db.query<Row>(sql, params);

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });

    const [uk, hoa] = await query<{ id: string }>(
      `INSERT INTO organisations (kind, name, normalized_name) VALUES
         ('management_company', 'УК Демо', 'ук демо'), ('hoa', 'ТСЖ Демо', 'тсж демо')
       RETURNING id`,
    );

    await insertHouse(platform.ctx.db, {
      managing_organisation_id: uk!.id,
      entrances: 3,
      floors_max: 9,
      residential_premises_count: 54,
    });
    await insertHouse(platform.ctx.db, { managing_organisation_id: hoa!.id });
    await buildDemoWorld(platform.ctx);
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should give every demo house its entrances and one contract with its manager', async () => {
    const houses = await query<{
      entrances: number;
      floorsMax: number;
      rows: number;
      lowest: number;
      contracts: number;
      withManager: number;
    }>(
      `SELECT h.entrances, h.floors_max AS "floorsMax",
         (SELECT count(*)::int FROM entrances e WHERE e.house_id = h.id) AS rows,
         (SELECT min(e.floors)::int FROM entrances e WHERE e.house_id = h.id) AS lowest,
         (SELECT count(*)::int FROM management_contracts c WHERE c.house_id = h.id) AS contracts,
         (SELECT count(*)::int FROM management_contracts c WHERE c.house_id = h.id
            AND c.organisation_id = h.managing_organisation_id AND c.ended_on IS NULL
            AND c.started_on = '2015-06-01') AS "withManager"
       FROM houses h ORDER BY h.portal_id`,
    );

    expect(houses).toHaveLength(2);

    for (const house of houses) {
      expect(house.rows).toBe(house.entrances);
      expect(house.lowest).toBeGreaterThanOrEqual(house.floorsMax);
      expect([house.contracts, house.withManager]).toEqual([1, 1]);
    }
  });

  it('should open one account per owned premise, for its first owner, with a valid unique ЕЛС', async () => {
    const premises = await query<{ owned: boolean; accounts: number }>(
      `SELECT EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = p.id) AS owned,
         (SELECT count(*)::int FROM personal_accounts a WHERE a.premise_id = p.id) AS accounts
       FROM premises p`,
    );

    expect(premises.length).toBeGreaterThan(80);
    expect(premises.every((p) => p.accounts === (p.owned ? 1 : 0))).toBe(true);

    const accounts = await query<{
      number: string;
      payerOwns: boolean;
      billedByManager: boolean;
      openedOnStart: boolean;
    }>(
      `SELECT a.number,
         EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = a.premise_id
           AND (o.person_id = a.payer_person_id OR o.organisation_id = a.payer_organisation_id))
           AS "payerOwns",
         a.organisation_id = h.managing_organisation_id AS "billedByManager",
         a.opened_on = (SELECT min(o.started_on) FROM ownerships o WHERE o.premise_id = a.premise_id
           AND (o.person_id = a.payer_person_id OR o.organisation_id = a.payer_organisation_id))
           AS "openedOnStart"
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
       JOIN houses h ON h.id = p.house_id`,
    );

    expect(new Set(accounts.map((a) => a.number)).size).toBe(accounts.length);
    expect(accounts.every((a) => checkSingleAccountNumber(a.number).valid)).toBe(true);
    expect(accounts.every((a) => a.number.startsWith('66'))).toBe(true);
    expect(accounts.every((a) => a.payerOwns && a.billedByManager && a.openedOnStart)).toBe(true);
  });

  it("should bill a co-owned flat to the co-owner who can sign in: the demo owner's half", async () => {
    const [half] = await query<{ payer: string; owners: number }>(
      `SELECT u.email AS payer,
         (SELECT count(*)::int FROM ownerships o WHERE o.premise_id = a.premise_id) AS owners
       FROM personal_accounts a JOIN users u ON u.person_id = a.payer_person_id
       JOIN ownerships o ON o.premise_id = a.premise_id AND o.person_id = a.payer_person_id
       WHERE o.share_denominator = 2`,
    );

    expect(half).toEqual({ payer: 'owner@mpdom.test', owners: 2 });
  });
});
