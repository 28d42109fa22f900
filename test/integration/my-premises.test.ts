import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Queryable } from '../../src/server/platform/db/database.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

type Share = { numerator: number; denominator: number; text: string };
type Premise = {
  id: string;
  house: { id: string; address: string };
  number: string;
  kind: string;
  relations: string[];
  ownership: { share: Share; since: string | null } | null;
  representing: { principalName: string; share: Share; validUntil: string }[];
  coOwners: { others: number; total: Share } | null;
  residents: { count: number; people: { name: string }[] | null };
  accounts: {
    number: string;
    payer: string;
    closedOn: string | null;
    organisation: { id: string };
  }[];
  managingOrganisation: { id: string; name: string; contract: { number: string | null } | null };
  claims: { id: string }[];
};
type Listing = { premises: Premise[]; claims: { id: string; mismatches: unknown[] }[] };

const OWNER = 'Демидова Анна Сергеевна';
const RESIDENT = 'Демидов Павел Андреевич';

async function insertAccount(
  db: Queryable,
  input: { number: string; premiseId: string; organisationId: string; payer: string },
  closedOn: string | null = null,
) {
  await db.query(
    `INSERT INTO personal_accounts (number, premise_id, organisation_id, payer_person_id, opened_on,
       closed_on)
     VALUES ($1, $2, $3, $4, '2019-01-01', $5)`,
    [input.number, input.premiseId, input.organisationId, input.payer, closedOn],
  );
}

describe('«Мой МП‑дом»: GET /api/v1/me/premises', () => {
  let world: AccessWorld;
  let db: Queryable;
  let owner: Session;
  let resident: Session;
  let representative: Session;
  let stranger: Session;
  let halfFlat: string;
  let partnerId: string;
  let claimId: string;
  let elsewhereClaimId: string;

  const list = async (session: Session | null) => {
    const response = await requestAs(world.platform, session)('GET', '/api/v1/me/premises');

    expect(response.statusCode).toBe(200);

    return response.json<Listing>();
  };
  const flat = (listing: Listing, id: string) => listing.premises.find((p) => p.id === id);

  beforeAll(async () => {
    world = await createAccessWorld();
    db = world.platform.ctx.db;
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    representative = await world.openSession('representative@mpdom.test');
    await world.createUser('stranger@mpdom.test', 'Посторонний');
    stranger = await world.openSession('stranger@mpdom.test');

    const [half] = await db.query<{ premiseId: string; partnerId: string }>(
      `SELECT mine.premise_id AS "premiseId", theirs.person_id AS "partnerId"
       FROM ownerships mine JOIN ownerships theirs
         ON theirs.premise_id = mine.premise_id AND theirs.person_id <> mine.person_id
       WHERE mine.person_id = $1 AND mine.share_denominator = 2`,
      [owner.personId],
    );

    halfFlat = half!.premiseId;
    partnerId = half!.partnerId;

    // Accounts: two of the owner's (one closed), one of the co-owner, which she must not see.
    await insertAccount(db, {
      number: '66AB000101',
      premiseId: world.ownerFlat,
      organisationId: world.orgs.managing,
      payer: owner.personId,
    });
    await insertAccount(
      db,
      {
        number: '66AB000102',
        premiseId: world.ownerFlat,
        organisationId: world.orgs.managing,
        payer: owner.personId,
      },
      '2020-12-31',
    );
    await insertAccount(db, {
      number: '66AB000103',
      premiseId: halfFlat,
      organisationId: world.orgs.hoa,
      payer: owner.personId,
    });
    await insertAccount(db, {
      number: '66AB000104',
      premiseId: halfFlat,
      organisationId: world.orgs.hoa,
      payer: partnerId,
    });

    // The ТСЖ's house has a contract on record; the first house relies on the registry's link.
    await db.query(
      `INSERT INTO management_contracts (organisation_id, house_id, number, started_on)
       SELECT $1, house_id, 'ДУ-7/2019', '2019-01-01' FROM premises WHERE id = $2`,
      [world.orgs.hoa, halfFlat],
    );

    const claim = async (premiseId: string | null, number: string, cadastral: string) => {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO property_claims (user_id, person_id, house_id, premise_number, premise_kind,
           cadastral_number, area, share_numerator, share_denominator, title_kind, status,
           mismatches, premise_id)
         SELECT $1, $2, house_id, $3, 'flat', $4, 40.5, 1, 2, 'sale_contract', 'conflict',
           '[{"code":"area","claimed":"40,50","found":"42,10"}]'::jsonb, $5
         FROM premises WHERE id = $6 RETURNING id`,
        [owner.userId, owner.personId, number, cadastral, premiseId, halfFlat],
      );

      return row!.id;
    };

    claimId = await claim(halfFlat, '1', '66:41:0000000:901');
    elsewhereClaimId = await claim(null, '999', '66:41:0000000:902');
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should show the owner her whole flat and her half of the other one', async () => {
    const listing = await list(owner);
    const whole = flat(listing, world.ownerFlat)!;
    const half = flat(listing, halfFlat)!;

    expect(listing.premises).toHaveLength(2);
    expect(whole.relations).toEqual(['owner', 'resident']);
    expect(whole.ownership?.share).toEqual({ numerator: 1, denominator: 1, text: '1' });
    expect(whole.ownership?.since).toBe('2018-04-12');
    expect(whole.coOwners).toEqual({
      others: 0,
      total: { numerator: 1, denominator: 1, text: '1' },
    });
    expect(half.relations).toEqual(['owner']);
    expect(half.ownership?.share).toEqual({ numerator: 1, denominator: 2, text: '1/2' });
    expect(half.coOwners).toEqual({
      others: 1,
      total: { numerator: 1, denominator: 1, text: '1' },
    });
    expect(half.number).toBe('1');
    expect(whole.kind).toBe('flat');
  });

  it("should never name the co-owner nor show the co-owner's account", async () => {
    const response = await requestAs(world.platform, owner)('GET', '/api/v1/me/premises');
    const [partner] = await db.query<{ surname: string; name: string }>(
      'SELECT surname, name FROM persons WHERE id = $1',
      [partnerId],
    );

    expect(response.body).not.toContain(partnerId);
    expect(response.body).not.toContain(`${partner!.surname} ${partner!.name}`);
    expect(response.body).not.toContain('66AB000104');
  });

  it('should list her accounts with the ЕЛС, the open one first, closed ones kept', async () => {
    const listing = await list(owner);
    const whole = flat(listing, world.ownerFlat)!;
    const half = flat(listing, halfFlat)!;
    const mine = (p: Premise) => p.accounts.filter((a) => a.number.startsWith('66AB0001'));

    expect(mine(whole).map((a) => [a.number, a.closedOn, a.payer])).toEqual([
      ['66AB000101', null, 'self'],
      ['66AB000102', '2020-12-31', 'self'],
    ]);
    expect(mine(half).map((a) => [a.number, a.organisation.id])).toEqual([
      ['66AB000103', world.orgs.hoa],
    ]);
  });

  it('should name the residents of her flat to her, and count them', async () => {
    const whole = flat(await list(owner), world.ownerFlat)!;
    const names = whole.residents.people!.map((p) => p.name);

    expect(names).toEqual(expect.arrayContaining([OWNER, RESIDENT]));
    expect(whole.residents.count).toBe(names.length);
  });

  it('should name the manager by the contract in force, else by the registry', async () => {
    // The ТСЖ's newer contract wins over the demo's one of 2015.
    expect(flat(await list(owner), halfFlat)!.managingOrganisation).toMatchObject({
      id: world.orgs.hoa,
      contract: { number: 'ДУ-7/2019', startedOn: '2019-01-01', endedOn: null },
    });

    // With the first house's contract over, the house registry's link is all there is.
    await db.query(
      `UPDATE management_contracts SET ended_on = '2016-12-31'
       WHERE house_id = (SELECT house_id FROM premises WHERE id = $1)`,
      [world.ownerFlat],
    );

    expect(flat(await list(owner), world.ownerFlat)!.managingOrganisation).toMatchObject({
      id: world.orgs.managing,
      contract: null,
    });
  });

  it('should list her open claims, and attach each to its premise', async () => {
    const listing = await list(owner);

    expect(listing.claims.map((c) => c.id)).toEqual(
      expect.arrayContaining([claimId, elsewhereClaimId]),
    );
    expect(listing.claims.find((c) => c.id === claimId)?.mismatches).toEqual([
      { code: 'area', claimed: '40,50', found: '42,10' },
    ]);
    expect(flat(listing, halfFlat)!.claims.map((c) => c.id)).toEqual([claimId]);
    expect(flat(listing, world.ownerFlat)!.claims).toEqual([]);
  });

  it('should not list a claim once it is decided', async () => {
    await db.query(`UPDATE property_claims SET status = 'rejected' WHERE id = $1`, [
      elsewhereClaimId,
    ]);

    const listing = await list(owner);

    expect(listing.claims.map((c) => c.id)).not.toContain(elsewhereClaimId);
  });

  it('should answer the detail of a premise the same way as the list', async () => {
    const listing = await list(owner);
    const detail = await requestAs(world.platform, owner)('GET', `/api/v1/me/premises/${halfFlat}`);

    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toEqual(flat(listing, halfFlat));
  });

  it('should show the resident the flat he lives in, without any share', async () => {
    const listing = await list(resident);
    const home = listing.premises[0]!;

    expect(listing.premises.map((p) => p.id)).toEqual([world.ownerFlat]);
    expect(home.relations).toEqual(['resident']);
    expect(home.ownership).toBeNull();
    expect(home.coOwners).toBeNull();
    expect(home.representing).toEqual([]);
    expect(home.residents.people).toBeNull();
    expect(home.residents.count).toBeGreaterThanOrEqual(2);
    expect(home.accounts).toEqual([]);
    expect(JSON.stringify(listing)).not.toContain(OWNER);
  });

  it("should show the representative the owner's share and accounts, not who lives there", async () => {
    const listing = await list(representative);
    const represented = listing.premises[0]!;

    expect(listing.premises).toHaveLength(1);
    expect(represented.relations).toEqual(['representative']);
    expect(represented.ownership).toBeNull();
    expect(represented.representing).toEqual([
      expect.objectContaining({
        principalName: OWNER,
        share: { numerator: 1, denominator: 1, text: '1' },
      }),
    ]);
    expect(represented.coOwners?.others).toBe(0);
    expect(represented.residents.people).toBeNull();
    expect(represented.accounts.map((a) => [a.number, a.payer])).toEqual(
      expect.arrayContaining([['66AB000101', 'principal']]),
    );
    expect(represented.claims).toEqual([]);
  });

  it("should give a stranger an empty list and a 404 for anyone's premise", async () => {
    expect(await list(stranger)).toEqual({ premises: [], claims: [] });

    const response = await requestAs(world.platform, stranger)(
      'GET',
      `/api/v1/me/premises/${world.ownerFlat}`,
    );

    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found' });
    expect(response.body).not.toContain(OWNER);
  });

  it('should answer 404 for a premise that does not exist', async () => {
    const response = await requestAs(world.platform, owner)(
      'GET',
      '/api/v1/me/premises/00000000-0000-4000-8000-000000000000',
    );

    expect(response.statusCode).toBe(404);
  });

  it.each([
    'not-a-uuid',
    "1' OR '1'='1",
    '00000000-0000-4000-8000-00000000000',
    '%00',
    'x'.repeat(90),
  ])('should refuse the malformed id %j with a 400 problem', async (id) => {
    const response = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/me/premises/${encodeURIComponent(id)}`,
    );

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('should ask an anonymous caller to sign in', async () => {
    const response = await requestAs(world.platform, null)('GET', '/api/v1/me/premises');

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('should add up two rights of one co-owner and keep the other owners unnamed', async () => {
    const buyer = await world.createUser('buyer@mpdom.test', 'Покупатель');
    const [premise] = await db.query<{ id: string }>(
      `SELECT o.premise_id AS id FROM ownerships o
       WHERE o.person_id IS NOT NULL AND o.share_denominator = 1 AND o.premise_id <> $1
         AND o.premise_id NOT IN (SELECT premise_id FROM residents WHERE person_id = $2)
       LIMIT 1`,
      [world.ownerFlat, resident.personId],
    );

    await db.query(
      `UPDATE ownerships SET share_numerator = 1, share_denominator = 2 WHERE premise_id = $1`,
      [premise!.id],
    );
    await db.query(
      `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator,
         started_on, ended_on)
       VALUES ($1, $2, 1, 4, '2021-01-01', NULL), ($1, $2, 1, 4, '2022-01-01', NULL),
              ($1, $2, 1, 4, '2010-01-01', '2015-01-01')`,
      [premise!.id, buyer.personId],
    );

    const session = await world.openSession('buyer@mpdom.test');
    const [mine] = (await list(session)).premises;

    expect(mine?.ownership).toMatchObject({
      share: { numerator: 1, denominator: 2, text: '1/2' },
      since: '2021-01-01',
    });
    // The seller kept ½; the buyer's two quarters make the other ½, and the ended right is gone.
    expect(mine?.coOwners).toEqual({
      others: 1,
      total: { numerator: 1, denominator: 1, text: '1' },
    });
    expect(mine?.residents.people).not.toBeNull();
  });

  it('should drop an ownership once it has ended, and one that has not started', async () => {
    await db.query(
      `UPDATE ownerships SET ended_on = CURRENT_DATE - 1, ended_reason = 'sale'
       WHERE premise_id = $1 AND person_id = $2`,
      [halfFlat, owner.personId],
    );
    await db.query(
      `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator,
         started_on)
       SELECT id, $1, 1, 1, CURRENT_DATE + 30 FROM premises WHERE id NOT IN ($2, $3) LIMIT 1`,
      [owner.personId, world.ownerFlat, halfFlat],
    );

    const listing = await list(owner);
    const detail = await requestAs(world.platform, owner)('GET', `/api/v1/me/premises/${halfFlat}`);

    expect(listing.premises.map((p) => p.id)).toEqual([world.ownerFlat]);
    expect(detail.statusCode).toBe(404);
  });

  it('should drop a resident who has left and a power that was revoked', async () => {
    await db.query(
      `UPDATE residents SET deregistered_on = CURRENT_DATE - 1
       WHERE premise_id = $1 AND person_id = $2`,
      [world.ownerFlat, resident.personId],
    );
    await db.query(
      `UPDATE powers_of_attorney SET revoked_at = now() WHERE representative_user_id = $1`,
      [representative.userId],
    );

    expect(await list(resident)).toEqual({ premises: [], claims: [] });
    expect(await list(representative)).toEqual({ premises: [], claims: [] });

    const whole = flat(await list(owner), world.ownerFlat)!;

    expect(whole.residents.people!.map((p) => p.name)).not.toContain(RESIDENT);
  });
});
