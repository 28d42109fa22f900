import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { insertHouse } from '../support/factories.js';
import {
  claimCounts,
  insertRegistryObject,
  nextCadastral,
  uploadScan,
} from '../support/property-claims.js';

/**
 * The queues: an organisation sees the conflicts routed to it with the mismatches, scans and
 * registry facts, decides each once with a reason, and the owner is told; the owner may withdraw.
 */
describe('property claims: queues and decisions', () => {
  let world: AccessWorld;
  let resident: Session;
  let owner: Session;
  let ukAdmin: Session;
  let dispatcher: Session;
  let hoaAdmin: Session;
  let operator: Session;
  let houseId: string;
  let residentScan: string;
  let ownerScan: string;

  const db = () => world.platform.ctx.db;
  const as = (session: Session | null) => requestAs(world.platform, session);
  const queueUrl = (orgId: string, status = 'conflict') =>
    `/api/v1/organisations/${orgId}/property-claims?status=${status}`;

  /** A parking place of the resident's in the registry, claimed with a wrong area. */
  async function conflictOfResident(area = '18.00') {
    const cadastralNumber = nextCadastral();
    const number = `М-${cadastralNumber.split(':')[3]}`;

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: number,
      kind: 'parking',
      area: '15.30',
      rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1], registrationNumber: 'R-77' }],
    });

    const answer = await as(resident)('POST', '/api/v1/property-claims', {
      houseId,
      premiseNumber: number,
      premiseKind: 'parking',
      cadastralNumber,
      area,
      share: '1',
      titleKind: 'shared_construction_contract',
      titleNumber: 'ДДУ-7',
      titleDate: '2019-05-20',
      fileIds: [residentScan],
    });

    expect(answer.json()).toMatchObject({ status: 'conflict' });

    return answer.json<{ id: string; files: { id: string }[] }>();
  }

  beforeAll(async () => {
    world = await createAccessWorld();
    resident = await world.openSession('resident@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');
    ukAdmin = await world.openSession('uk-admin@mpdom.test');
    dispatcher = await world.openSession('dispatcher@mpdom.test');
    hoaAdmin = await world.openSession('tsj@mpdom.test');
    operator = await world.openSession('operator@mpdom.test');
    await world.setLevel(resident.userId, 'standard');
    await world.setLevel(owner.userId, 'standard');

    const [house] = await db().query<{ id: string }>(
      'SELECT house_id AS id FROM premises WHERE id = $1',
      [world.ownerFlat],
    );

    houseId = house!.id;
    residentScan = await uploadScan(world.platform.app, resident, 'ДДУ.jpg');
    ownerScan = await uploadScan(world.platform.app, owner);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it("should show the organisation's office the conflict with the mismatch, scans and registry facts", async () => {
    const claim = await conflictOfResident();
    const answer = await as(ukAdmin)('GET', queueUrl(world.orgs.managing));

    expect(answer.statusCode).toBe(200);

    const item = answer.json<{ items: { id: string }[] }>().items.find((i) => i.id === claim.id);

    expect(item).toMatchObject({
      status: 'conflict',
      claimant: { displayName: 'Демидов Павел Андреевич', assuranceLevel: 'standard' },
      mismatches: [{ code: 'area', claimed: '18.00', found: '15.30' }],
      files: [{ id: residentScan, originalName: 'ДДУ.jpg', mimeType: 'image/jpeg' }],
      registry: {
        area: '15.30',
        kind: 'parking',
        rights: [{ ownerName: 'Демидов Павел Андреевич', share: '1', registrationNumber: 'R-77' }],
      },
    });
    expect(JSON.stringify(item)).not.toContain('snils');

    const [journal] = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries
       WHERE action = 'property_claims.queue_viewed' AND personal_data_access`,
    );

    expect(journal!.n).toBeGreaterThan(0);
  });

  it('should keep the queue from those who may not decide it', async () => {
    const url = queueUrl(world.orgs.managing);

    expect((await as(dispatcher)('GET', url)).statusCode).toBe(403);
    expect((await as(hoaAdmin)('GET', url)).statusCode).toBe(403);
    expect((await as(resident)('GET', url)).statusCode).toBe(403);
    expect((await as(null)('GET', url)).statusCode).toBe(401);
    expect(
      (await as(ukAdmin)('GET', queueUrl('00000000-0000-4000-8000-000000000000'))).statusCode,
    ).toBe(404);
    expect((await as(ukAdmin)('GET', queueUrl(world.orgs.managing, 'lost'))).statusCode).toBe(400);
  });

  it('should list the queues a person may work, with their open conflicts', async () => {
    await conflictOfResident();

    const mine = await as(ukAdmin)('GET', '/api/v1/property-claims/queues');
    const nobody = await as(resident)('GET', '/api/v1/property-claims/queues');

    expect(mine.json()).toEqual([
      expect.objectContaining({
        organisationId: world.orgs.managing,
        conflicts: expect.any(Number),
      }),
    ]);
    expect(mine.json()[0].conflicts).toBeGreaterThan(0);
    expect(nobody.json()).toEqual([]);
  });

  it("should let the platform operator work the operator's queue", async () => {
    const house = await insertHouse(db(), { managing_organisation_id: null });
    const submitted = await as(owner)('POST', '/api/v1/property-claims', {
      houseId: house.id,
      premiseNumber: '3',
      premiseKind: 'flat',
      cadastralNumber: nextCadastral(),
      area: '40',
      share: '1',
      titleKind: 'sale_contract',
      fileIds: [ownerScan],
    });
    const queues = await as(operator)('GET', '/api/v1/property-claims/queues');
    const operatorQueue = queues
      .json<{ kind: string; organisationId: string }[]>()
      .find((q) => q.kind === 'operator');

    expect(submitted.json().routedOrganisation.id).toBe(operatorQueue!.organisationId);

    const list = await as(operator)('GET', queueUrl(operatorQueue!.organisationId));

    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(
      submitted.json().id,
    );
    expect((await as(ukAdmin)('GET', queueUrl(operatorQueue!.organisationId))).statusCode).toBe(
      403,
    );
  });

  it('should let the owner and the deciders download the scans, and nobody else', async () => {
    const claim = await conflictOfResident();
    const url = `/api/v1/property-claims/${claim.id}/files/${residentScan}`;
    const forDecider = await as(ukAdmin)('GET', url);

    expect(forDecider.statusCode).toBe(200);
    expect(forDecider.headers['content-type']).toBe('image/jpeg');
    expect(forDecider.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await as(resident)('GET', url)).statusCode).toBe(200);
    expect((await as(owner)('GET', url)).statusCode).toBe(404);
    expect((await as(hoaAdmin)('GET', url)).statusCode).toBe(404);
    expect((await as(dispatcher)('GET', url)).statusCode).toBe(404);
    expect((await as(null)('GET', url)).statusCode).toBe(401);
    // A file of the platform that is not attached to this claim is not reachable through it.
    expect(
      (await as(ukAdmin)('GET', `/api/v1/property-claims/${claim.id}/files/${ownerScan}`))
        .statusCode,
    ).toBe(404);
    // The generic files API still keeps the scan to its uploader.
    expect((await as(ukAdmin)('GET', `/api/v1/files/${residentScan}`)).statusCode).toBe(404);
  });

  it('should approve with the registry figures, notify the owner, and refuse a second decision', async () => {
    const claim = await conflictOfResident();
    const url = `/api/v1/property-claims/${claim.id}/decision`;
    const before = await claimCounts(db());

    expect(
      (await as(dispatcher)('POST', url, { decision: 'approve', reason: 'Да' })).statusCode,
    ).toBe(404);
    expect(
      (await as(resident)('POST', url, { decision: 'approve', reason: 'Да' })).statusCode,
    ).toBe(404);
    expect((await as(ukAdmin)('POST', url, { decision: 'approve', reason: 'x' })).statusCode).toBe(
      400,
    );
    expect(
      (await as(ukAdmin)('POST', url, { decision: 'approve', reason: 'x'.repeat(2001) }))
        .statusCode,
    ).toBe(400);
    expect((await as(ukAdmin)('POST', url, { decision: 'maybe', reason: 'Да' })).statusCode).toBe(
      400,
    );
    expect(await claimCounts(db())).toEqual(before);

    const reason = 'Площадь по выписке ЕГРН 15,30 м², в заявке опечатка';
    const approved = await as(ukAdmin)('POST', url, {
      decision: 'approve',
      reason: `  ${reason} `,
    });

    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decision: { reason } });

    const [ownership] = await db().query<Record<string, unknown>>(
      `SELECT o.person_id AS "personId", o.source, o.right_number AS "rightNumber",
              p.area_total::text AS area
       FROM ownerships o JOIN premises p ON p.id = o.premise_id WHERE o.id = $1`,
      [approved.json().ownershipId],
    );

    expect(ownership).toEqual({
      personId: resident.personId,
      source: 'claim',
      rightNumber: 'R-77',
      area: '15.30',
    });

    const [notice] = await db().query<{ body: string; subject: string }>(
      `SELECT subject, body FROM outbox_messages
       WHERE channel = 'in_app' AND recipient = $1 AND metadata->>'status' = 'approved'
       ORDER BY seq DESC LIMIT 1`,
      [resident.userId],
    );

    expect(notice?.subject).toBe('Заявка на объект одобрена');
    expect(notice?.body).toContain(reason);

    const again = await as(ukAdmin)('POST', url, { decision: 'reject', reason: 'Передумали' });

    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('property_claim_closed');

    const mine = await as(resident)('GET', '/api/v1/property-claims/mine');

    expect(
      mine.json<{ items: { id: string }[] }>().items.find((i) => i.id === claim.id),
    ).toMatchObject({
      status: 'approved',
      decision: { reason },
    });
  });

  it('should reject with the reason stored and no ownership', async () => {
    const claim = await conflictOfResident();
    const before = await claimCounts(db());
    const answer = await as(ukAdmin)('POST', `/api/v1/property-claims/${claim.id}/decision`, {
      decision: 'reject',
      reason: 'Скан договора нечитаем',
    });

    expect(answer.json()).toMatchObject({
      status: 'rejected',
      ownershipId: null,
      decision: { reason: 'Скан договора нечитаем' },
    });
    expect(await claimCounts(db())).toMatchObject({
      ownerships: before.ownerships,
      messages: before.messages + 2,
    });
  });

  it('should never let an approval push the shares above one', async () => {
    const cadastralNumber = nextCadastral();
    const [premise] = await db().query<{ id: string }>(
      `INSERT INTO premises (house_id, number, kind, area_total, cadastral_number)
       VALUES ($1, 'Н-9', 'non_residential', 50, $2) RETURNING id`,
      [houseId, cadastralNumber],
    );
    const [stranger] = await db().query<{ id: string }>(
      `INSERT INTO persons (surname, name) VALUES ('Чужой', 'Собственник') RETURNING id`,
    );

    await db().query(
      `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator)
       VALUES ($1, $2, 1, 1)`,
      [premise!.id, stranger!.id],
    );

    const submitted = await as(resident)('POST', '/api/v1/property-claims', {
      houseId,
      premiseNumber: 'Н-9',
      premiseKind: 'non_residential',
      cadastralNumber,
      area: '50',
      share: '1/2',
      titleKind: 'gift_contract',
      fileIds: [residentScan],
    });

    expect(
      submitted.json<{ mismatches: { code: string }[] }>().mismatches.map((m) => m.code),
    ).toContain('shares_exceed_whole');

    const before = await claimCounts(db());
    const approved = await as(ukAdmin)(
      'POST',
      `/api/v1/property-claims/${submitted.json().id}/decision`,
      { decision: 'approve', reason: 'Пробуем одобрить' },
    );

    expect(approved.statusCode).toBe(409);
    expect(approved.json().code).toBe('shares_exceed_whole');
    expect(await claimCounts(db())).toEqual(before);

    const [still] = await db().query<{ status: string }>(
      'SELECT status FROM property_claims WHERE id = $1',
      [submitted.json().id],
    );

    expect(still?.status).toBe('conflict');
  });

  it('should let the claimant withdraw a conflict, once, and nobody else', async () => {
    const claim = await conflictOfResident();
    const url = `/api/v1/property-claims/${claim.id}/withdraw`;

    expect((await as(owner)('POST', url)).statusCode).toBe(404);
    expect((await as(ukAdmin)('POST', url)).statusCode).toBe(404);
    expect((await as(null)('POST', url)).statusCode).toBe(401);

    const withdrawn = await as(resident)('POST', url);

    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });

    const again = await as(resident)('POST', url);

    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('property_claim_closed');

    const decide = await as(ukAdmin)('POST', `/api/v1/property-claims/${claim.id}/decision`, {
      decision: 'approve',
      reason: 'Поздно',
    });

    expect(decide.json().code).toBe('property_claim_closed');
    expect(
      (
        await as(resident)(
          'POST',
          '/api/v1/property-claims/00000000-0000-4000-8000-000000000000/withdraw',
        )
      ).statusCode,
    ).toBe(404);
  });

  it('should allow a new claim for the object once the old one was withdrawn or rejected', async () => {
    const claim = await conflictOfResident();

    await as(resident)('POST', `/api/v1/property-claims/${claim.id}/withdraw`);

    const [row] = await db().query<{ cadastral: string; number: string }>(
      `SELECT cadastral_number AS cadastral, premise_number AS number FROM property_claims
       WHERE id = $1`,
      [claim.id],
    );
    const again = await as(resident)('POST', '/api/v1/property-claims', {
      houseId,
      premiseNumber: row!.number,
      premiseKind: 'parking',
      cadastralNumber: row!.cadastral,
      area: '15.30',
      share: '1',
      titleKind: 'shared_construction_contract',
      fileIds: [residentScan],
    });

    expect(again.json()).toMatchObject({ status: 'confirmed' });
  });

  it("should list only the person's own claims", async () => {
    const mine = await as(owner)('GET', '/api/v1/property-claims/mine?limit=100');

    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);

    const residents = await db().query<{ id: string }>(
      'SELECT id FROM property_claims WHERE person_id = $1',
      [resident.personId],
    );
    const shown = new Set(mine.json<{ items: { id: string }[] }>().items.map((i) => i.id));

    expect(residents.length).toBeGreaterThan(0);
    expect(residents.filter((r) => shown.has(r.id))).toEqual([]);

    const [others] = await db().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM property_claims WHERE person_id = $1',
      [owner.personId],
    );

    expect(mine.json().total).toBe(others!.n);
    expect((await as(null)('GET', '/api/v1/property-claims/mine')).statusCode).toBe(401);
    expect((await as(owner)('GET', '/api/v1/property-claims/mine?limit=1000')).statusCode).toBe(
      400,
    );
  });
});
