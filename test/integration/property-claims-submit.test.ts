import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AccessWorld, Session } from '../support/access-world.js';
import {
  claimBody,
  openClaimsBench,
  postClaim,
  type ClaimsBench,
} from '../support/claims-bench.js';
import { insertHouse } from '../support/factories.js';
import { claimCounts, insertRegistryObject, nextCadastral } from '../support/property-claims.js';

/**
 * POST /api/v1/property-claims, what becomes of a claim: the registry check end to end on the
 * access world (the demo on two test houses), with registry rows written by the test itself.
 * Refusals are in property-claims-submit-refusals.test.ts.
 */
describe('property claims: submitting', () => {
  let bench: ClaimsBench;
  let world: AccessWorld;
  let owner: Session;
  let resident: Session;
  let houseId: string;
  let houseAddress: string;
  let ownerScan: string;
  let residentScan: string;

  const db = () => world.platform.ctx.db;
  const post = (session: Session | null, payload: unknown) => postClaim(bench, session, payload);
  const claim = (overrides: Record<string, unknown> = {}) => claimBody(bench, overrides);

  beforeAll(async () => {
    bench = await openClaimsBench();
    ({ world, owner, resident, houseId, houseAddress, ownerScan, residentScan } = bench);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should confirm a claim that matches the registry and record the ownership at once', async () => {
    const cadastralNumber = nextCadastral();

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'К-1',
      kind: 'storage',
      area: '4.20',
      rights: [{ ownerName: 'Демидова Анна Сергеевна', share: [1, 1], registrationNumber: 'R-1' }],
    });

    const answer = await post(owner, claim({ cadastralNumber, premiseNumber: 'к1' }));

    expect(answer.statusCode).toBe(201);

    const body = answer.json();

    expect(body).toMatchObject({
      status: 'confirmed',
      mismatches: [],
      area: '4.20',
      share: '1',
      house: { id: houseId, address: houseAddress },
      files: [{ id: ownerScan, mimeType: 'image/jpeg' }],
    });
    expect(body.premiseId).toBeTruthy();

    const [ownership] = await db().query<Record<string, unknown>>(
      `SELECT o.person_id AS "personId", o.share_numerator AS n, o.share_denominator AS d,
              o.source, o.claim_id AS "claimId", o.right_number AS "rightNumber",
              to_char(o.right_registered_on, 'YYYY-MM-DD') AS "registeredOn", o.title_document AS title,
              p.cadastral_number AS cadastral, p.area_total::text AS area, p.kind, p.number
       FROM ownerships o JOIN premises p ON p.id = o.premise_id WHERE o.id = $1`,
      [body.ownershipId],
    );

    expect(ownership).toEqual({
      personId: owner.personId,
      n: 1,
      d: 1,
      source: 'claim',
      claimId: body.id,
      rightNumber: 'R-1',
      registeredOn: '2020-03-15',
      title: 'Договор купли-продажи № 66/001-2020 от 01.03.2020',
      cadastral: cadastralNumber,
      // The premise comes from the registry's figures, not from how the owner spelled them.
      area: '4.20',
      kind: 'storage',
      number: 'К-1',
    });

    const notices = await db().query<{ channel: string; recipient: string; body: string }>(
      `SELECT channel, recipient, body FROM outbox_messages
       WHERE metadata->>'claimId' = $1 ORDER BY seq`,
      [body.id],
    );

    expect(notices.map((n) => [n.channel, n.recipient])).toEqual([
      ['in_app', owner.userId],
      ['email', 'owner@mpdom.test'],
    ]);
    expect(notices[0]!.body).toContain('совпали с реестром');

    const [audit] = await db().query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE object_id = $1`,
      [body.id],
    );

    expect(audit?.action).toBe('property_claim.confirmed');
  });

  it('should attach to the platform premise that already exists instead of making another', async () => {
    const cadastralNumber = nextCadastral();
    const [premise] = await db().query<{ id: string }>(
      `INSERT INTO premises (house_id, number, kind, area_total) VALUES ($1, 'М-40', 'parking', 14.1)
       RETURNING id`,
      [houseId],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'М-40',
      kind: 'parking',
      area: '14.10',
      rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
    });

    const answer = await post(
      resident,
      claim({
        cadastralNumber,
        premiseNumber: 'М-40',
        premiseKind: 'parking',
        area: '14.1',
        fileIds: [residentScan],
      }),
    );

    expect(answer.json()).toMatchObject({ status: 'confirmed', premiseId: premise!.id });

    const [stored] = await db().query<{ cadastral: string }>(
      'SELECT cadastral_number AS cadastral FROM premises WHERE id = $1',
      [premise!.id],
    );

    expect(stored?.cadastral).toBe(cadastralNumber);
  });

  it('should store a conflict with the area named and route it to the house manager', async () => {
    const cadastralNumber = nextCadastral();

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'М-7',
      kind: 'parking',
      area: '15.30',
      rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
    });

    const before = await claimCounts(db());
    const answer = await post(
      resident,
      claim({
        cadastralNumber,
        premiseNumber: 'М-7',
        premiseKind: 'parking',
        area: '18.00',
        fileIds: [residentScan],
      }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'area', claimed: '18.00', found: '15.30' }],
      routedOrganisation: { id: world.orgs.managing },
      premiseId: null,
      ownershipId: null,
    });

    const after = await claimCounts(db());

    expect(after).toMatchObject({
      claims: before.claims + 1,
      ownerships: before.ownerships,
      premises: before.premises,
      messages: before.messages + 2,
    });

    const [notice] = await db().query<{ body: string }>(
      `SELECT body FROM outbox_messages WHERE channel = 'in_app' AND recipient = $1
       ORDER BY seq DESC LIMIT 1`,
      [resident.userId],
    );

    expect(notice?.body).toContain('площадь: указано 18,00 м², в реестре 15,30 м²');
  });

  it('should match an area within the tolerance and refuse one a hundredth beyond it', async () => {
    // 15.30 m²: 1 % is 0.153 m², tighter than the absolute 0.5 m².
    const within = nextCadastral();
    const beyond = nextCadastral();

    for (const [cadastralNumber, number] of [
      [within, 'М-41'],
      [beyond, 'М-42'],
    ] as const) {
      await insertRegistryObject(db(), {
        cadastralNumber,
        houseId,
        premiseNumber: number,
        kind: 'parking',
        area: '15.30',
        rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
      });
    }

    const base = { premiseKind: 'parking', fileIds: [residentScan] };
    const ok = await post(
      resident,
      claim({ ...base, cadastralNumber: within, premiseNumber: 'М-41', area: '15,45' }),
    );
    const off = await post(
      resident,
      claim({ ...base, cadastralNumber: beyond, premiseNumber: 'М-42', area: '15,46' }),
    );

    expect(ok.json()).toMatchObject({ status: 'confirmed' });
    expect(off.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'area', claimed: '15.46', found: '15.30' }],
    });
  });

  it('should name an object the registry does not know, and still keep the claim for a person to decide', async () => {
    const answer = await post(
      owner,
      claim({ cadastralNumber: nextCadastral(), premiseNumber: 'К-90' }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'not_in_registry' }],
    });
  });

  it('should route a claim to the manager of the registry’s house, not of the address picked', async () => {
    const cadastralNumber = nextCadastral();
    const [hoaHouse] = await db().query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id = $1 LIMIT 1',
      [world.orgs.hoa],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId: hoaHouse!.id,
      premiseNumber: 'К-9',
      kind: 'storage',
      area: '4.20',
      rights: [{ ownerName: 'Демидова Анна Сергеевна', share: [1, 1] }],
    });

    // The owner picks her managed house; approval would place the premise in the HOA's house,
    // so only the HOA may decide it.
    const answer = await post(owner, claim({ cadastralNumber, premiseNumber: 'К-9' }));

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'address' }],
      routedOrganisation: { id: world.orgs.hoa },
    });
  });

  it('should name every mismatch of a claim that disagrees in many ways', async () => {
    const cadastralNumber = nextCadastral();
    const [other] = await db().query<{ id: string }>(
      `SELECT id FROM houses WHERE id <> $1 ORDER BY portal_id LIMIT 1`,
      [houseId],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId: other!.id,
      premiseNumber: '12',
      kind: 'flat',
      area: '45.00',
      rights: [{ ownerName: 'Иванов Иван Иванович', share: [1, 1] }],
    });

    const answer = await post(owner, claim({ cadastralNumber, share: '1/2' }));

    expect(answer.json<{ mismatches: { code: string }[] }>().mismatches.map((m) => m.code)).toEqual(
      [
        'address',
        'premise_number',
        'kind',
        'area',
        'claimant_not_owner',
        // The registry's flat 12 is a demo flat with its owners on the platform already.
        'shares_exceed_whole',
      ],
    );
  });

  it('should let shares reach exactly one and name a share sum above it', async () => {
    const exact = nextCadastral();
    const over = nextCadastral();

    for (const [cadastralNumber, number] of [
      [exact, '70'],
      [over, '71'],
    ] as const) {
      const [premise] = await db().query<{ id: string }>(
        `INSERT INTO premises (house_id, number, kind, area_total, cadastral_number)
         VALUES ($1, $2, 'non_residential', 30, $3) RETURNING id`,
        [houseId, number, cadastralNumber],
      );
      const [stranger] = await db().query<{ id: string }>(
        `INSERT INTO persons (surname, name) VALUES ('Посторонний', 'Пётр') RETURNING id`,
      );

      await db().query(
        `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator)
         VALUES ($1, $2, $3, 2)`,
        [premise!.id, stranger!.id, number === '70' ? 1 : 2],
      );
      await insertRegistryObject(db(), {
        cadastralNumber,
        houseId,
        premiseNumber: number,
        kind: 'non_residential',
        area: '30.00',
        rights: [
          { ownerName: 'Демидова Анна Сергеевна', share: [1, 2] },
          { ownerName: 'Посторонний Пётр', share: [1, 2] },
        ],
      });
    }

    const base = { premiseKind: 'non_residential', area: '30', share: '1/2' };
    const fits = await post(owner, claim({ ...base, cadastralNumber: exact, premiseNumber: '70' }));
    const exceeds = await post(
      owner,
      claim({ ...base, cadastralNumber: over, premiseNumber: '71' }),
    );

    expect(fits.json()).toMatchObject({ status: 'confirmed', share: '1/2' });
    expect(exceeds.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'shares_exceed_whole', claimed: '1/2', found: '1' }],
    });
  });

  it('should route a conflict on a house without a manager to the platform operator', async () => {
    const house = await insertHouse(db(), { managing_organisation_id: null });
    const [operatorOrg] = await db().query<{ id: string }>(
      `SELECT id FROM organisations WHERE kind = 'operator' ORDER BY created_at LIMIT 1`,
    );
    const answer = await post(
      owner,
      claim({ houseId: house.id, cadastralNumber: nextCadastral(), premiseNumber: '5' }),
    );

    expect(answer.json()).toMatchObject({
      status: 'conflict',
      routedOrganisation: { id: operatorOrg!.id },
    });
  });
});
