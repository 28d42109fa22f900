import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createAccessWorld, type AccessWorld, type Session } from '../support/access-world.js';
import { as, dayAfter, electronicMeeting, hoaHouse, travel, uploadScan } from './meetings-world.js';

/** Every refusal of the meetings API stores nothing and names its reason. */
describe('meetings refusals', () => {
  let world: AccessWorld;
  let tsj: Session;
  let ukAdmin: Session;
  let owner: Session;
  let resident: Session;
  let house: { houseId: string; premiseId: string };

  const db = () => world.platform.ctx.db;
  const count = async () =>
    (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM meetings'))[0]!.n;
  const post = (session: Session | null, body: unknown) =>
    as(world, session)('POST', '/api/v1/meetings', body);

  beforeAll(async () => {
    world = await createAccessWorld();
    tsj = await world.openSession('tsj@mpdom.test');
    ukAdmin = await world.openSession('uk-admin@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    house = await hoaHouse(world);
  });

  afterEach(() => travel(0));

  afterAll(async () => {
    travel(0);
    await world?.platform.stop();
  });

  it('should refuse dates that break the notice period, naming the earliest start', async () => {
    const before = await count();
    const response = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, {
        votingStartsOn: dayAfter(9),
        votingEndsOn: dayAfter(16),
      }),
    );

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'meeting_schedule_invalid',
      problems: [{ code: 'notice_too_late', earliestStart: dayAfter(10), days: 10 }],
    });
    expect(await count()).toBe(before);
  });

  it('should refuse electronic voting shorter than 7 or longer than 60 days', async () => {
    const short = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { votingEndsOn: dayAfter(15) }),
    );
    const long = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { votingEndsOn: dayAfter(70) }),
    );

    expect(short.json().problems).toEqual([{ code: 'voting_too_short', days: 6, min: 7 }]);
    expect(long.json().problems).toEqual([{ code: 'voting_too_long', days: 61, max: 60 }]);
  });

  it('should refuse malformed and hostile input before anything else', async () => {
    const impossible = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { votingStartsOn: '2026-02-30' }),
    );
    const noQuestions = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { questions: [] }),
    );
    const threshold = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, {
        questions: [
          { title: 'Порог', decisionKind: 'other', majority: 'unanimous', threshold: 0.1 },
        ],
      }),
    );
    const unknownKind = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, {
        questions: [{ title: 'Что-то', decisionKind: "p1'; DROP TABLE meetings;--" }],
      }),
    );
    const form = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { form: 'online-only' }),
    );

    expect(impossible.statusCode).toBe(400);
    expect(noQuestions.statusCode).toBe(400);
    expect(form.statusCode).toBe(400);
    // A majority typed by the administrator is not part of the contract: the kind decides it.
    expect(threshold.statusCode).toBe(201);
    expect(threshold.json().questions[0].majority).toBe('majority_of_participants');
    expect(unknownKind.json()).toMatchObject({
      code: 'decision_kind_unknown',
      errors: [{ field: 'questions.0.decisionKind', rule: 'catalogue' }],
    });
  });

  it('should take the majority of a kind from the edition in force on the meeting date', async () => {
    // Item 3.8 exists from 01.09.2024 (earlier dates are unit-tested in catalogue.test.ts).
    const ok = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, {
        questions: [{ title: 'Пункт 3.8', decisionKind: 'p3_8' }],
      }),
    );

    expect(ok.statusCode).toBe(201);
    expect(ok.json().questions[0].majority).toBe('two_thirds_of_all');
  });

  it('should refuse an organisation that does not manage the house, and a non-owner', async () => {
    const foreign = await post(ukAdmin, electronicMeeting(house.houseId, world.orgs.managing));
    const notAdmin = await post(resident, electronicMeeting(house.houseId, world.orgs.hoa));
    const nonOwner = await post(
      resident,
      electronicMeeting(house.houseId, null as unknown as string),
    );
    const byOwner = await post(owner, electronicMeeting(house.houseId, null as unknown as string));

    expect(foreign.json().code).toBe('meeting_initiator_invalid');
    expect(notAdmin.json().code).toBe('forbidden');
    expect(nonOwner.json().code).toBe('meeting_initiator_invalid');
    // Any owner may convene an extraordinary meeting (ст. 45 ч. 2) and administers it.
    expect(byOwner.statusCode).toBe(201);
    expect(byOwner.json()).toMatchObject({ initiator: { kind: 'owner' }, mayAdminister: true });
  });

  it('should refuse paper ballots from anyone but the administrator and after the cut-off', async () => {
    const created = await post(
      tsj,
      electronicMeeting(house.houseId, world.orgs.hoa, { paperUntilOn: dayAfter(14) }),
    );
    const id = created.json().id as string;

    travel(10);

    const entries = await db().query<{ id: string }>(
      `SELECT id FROM meeting_register_entries WHERE meeting_id = $1 AND ownership_id IS NOT NULL`,
      [id],
    );

    // The register froze on first use after opening.
    await as(world, tsj)('GET', `/api/v1/meetings/${id}`);

    const [entry] = await db().query<{ id: string }>(
      `SELECT id FROM meeting_register_entries WHERE meeting_id = $1 AND ownership_id IS NOT NULL
       LIMIT 1`,
      [id],
    );
    const ownerScan = await uploadScan(world, owner, 'scan.jpg');
    const tsjScan = await uploadScan(world, tsj, 'scan.jpg');
    const byOwner = await as(world, owner)('POST', `/api/v1/meetings/${id}/paper-ballots`, {
      entryId: entry!.id,
      scanFileId: ownerScan.id,
      answers: {},
    });
    const othersScan = await as(world, tsj)('POST', `/api/v1/meetings/${id}/paper-ballots`, {
      entryId: entry!.id,
      scanFileId: ownerScan.id,
      answers: {},
    });
    const future = await as(world, tsj)('POST', `/api/v1/meetings/${id}/paper-ballots`, {
      entryId: entry!.id,
      scanFileId: tsjScan.id,
      // An hour ahead of the (shifted) clock: inside the cut-off, but not yet received.
      receivedAt: new Date(Date.now() + 10 * 86_400_000 + 3_600_000).toISOString(),
      answers: {},
    });

    travel(15);

    const late = await as(world, tsj)('POST', `/api/v1/meetings/${id}/paper-ballots`, {
      entryId: entry!.id,
      scanFileId: tsjScan.id,
      answers: {},
    });

    expect(entries).toEqual([]);
    expect(byOwner.json().code).toBe('forbidden');
    expect(othersScan.statusCode).toBe(404);
    expect(future.json()).toMatchObject({ code: 'validation_failed' });
    expect(late.json().code).toBe('paper_cutoff_passed');
    expect(
      (await db().query('SELECT 1 FROM meeting_ballots WHERE meeting_id = $1', [id])).length,
    ).toBe(0);
  });

  it('should not let the protocol be drawn up while voting runs, nor by an owner', async () => {
    const created = await post(tsj, electronicMeeting(house.houseId, world.orgs.hoa));
    const id = created.json().id as string;

    travel(11);

    const early = await as(world, tsj)('POST', `/api/v1/meetings/${id}/protocol`, {
      chair: 'tsj@mpdom.test',
      secretary: 'owner@mpdom.test',
    });
    const byOwner = await as(world, owner)('POST', `/api/v1/meetings/${id}/protocol`, {
      chair: 'tsj@mpdom.test',
      secretary: 'owner@mpdom.test',
    });

    travel(17);

    const unknownSigner = await as(world, tsj)('POST', `/api/v1/meetings/${id}/protocol`, {
      chair: 'nobody@mpdom.test',
      secretary: 'owner@mpdom.test',
    });
    const noProtocol = await as(world, owner)('GET', `/api/v1/meetings/${id}/protocol/file`);

    expect(early.json().code).toBe('meeting_still_voting');
    expect(byOwner.json().code).toBe('forbidden');
    expect(unknownSigner.json().code).toBe('signer_unknown');
    expect(noProtocol.json().code).toBe('protocol_missing');
  });

  it('should list the catalogue by date, refusing dates before it and malformed ones', async () => {
    const current = await as(world, null)('GET', '/api/v1/meetings/decision-kinds?on=2026-01-15');
    const before = await as(world, null)('GET', '/api/v1/meetings/decision-kinds?on=2021-12-31');
    const garbage = await as(world, null)('GET', '/api/v1/meetings/decision-kinds?on=15.01.2026');
    const codes = current.json<{ kinds: { code: string }[] }>().kinds.map((k) => k.code);

    expect(codes).toEqual(expect.arrayContaining(['p1_3', 'p3_8', 'p4', 'other']));
    expect(before.statusCode).toBe(404);
    expect(garbage.statusCode).toBe(400);
  });

  it('should list a meeting for its owners, its organisation and on the public house board', async () => {
    const created = await post(tsj, electronicMeeting(house.houseId, world.orgs.hoa));
    const id = created.json().id as string;
    const ids = (r: { json: () => { id: string }[] }) => r.json().map((m) => m.id);
    const mine = await as(world, owner)('GET', '/api/v1/meetings/mine');
    const org = await as(world, tsj)('GET', `/api/v1/organisations/${world.orgs.hoa}/meetings`);
    const otherOrg = await as(world, ukAdmin)(
      'GET',
      `/api/v1/organisations/${world.orgs.hoa}/meetings`,
    );
    const board = await as(world, null)('GET', `/api/v1/buildings/${house.houseId}/meetings`);
    const residentsList = await as(world, resident)('GET', '/api/v1/meetings/mine');

    expect(ids(mine)).toContain(id);
    expect(ids(org)).toContain(id);
    expect(otherOrg.json().code).toBe('forbidden');
    expect(ids(board)).toContain(id);
    expect(JSON.stringify(board.json())).not.toContain('myEntries');
    expect(ids(residentsList)).not.toContain(id);
  });

  it('should answer 404 for a meeting to someone with no relation to the house', async () => {
    const created = await post(tsj, electronicMeeting(house.houseId, world.orgs.hoa));
    const stranger = await world.openSession('operator@mpdom.test');
    const response = await as(world, stranger)('GET', `/api/v1/meetings/${created.json().id}`);
    const malformed = await as(world, stranger)('GET', '/api/v1/meetings/not-a-uuid');

    expect(response.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
  });
});
