import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAccessWorld, type AccessWorld, type Session } from '../support/access-world.js';
import { as, electronicMeeting, hoaHouse, travel, uploadScan } from './meetings-world.js';

type Figure = { exact: string; m2: string; percent: string };
type Detail = {
  id: string;
  status: string;
  questions: { id: string; majority: string }[];
  myEntries: {
    entryId: string;
    share: string;
    castAs: string;
    ballot: { receipt: string } | null;
  }[];
  results: null | {
    final: boolean;
    quorum: boolean;
    totalVotes: Figure;
    participantVotes: Figure;
    conflicts: { entryId: string; counted: { channel: string } }[];
    questions: { for: Figure; spoiled: Figure; spoiledBallots: number; adopted: boolean }[];
  };
  protocol: null | {
    number: string;
    form: string;
    signedAt: string | null;
    dispatches: { kind: string }[];
  };
};

/**
 * One electronic meeting of the ТСЖ house from the notice to the forwarded protocol: the owner
 * of half a flat, a representative, the municipality and a paper ballot, a duplicate, a spoiled
 * answer, each figure checked exactly against the frozen register.
 */
describe('an owners’ meeting end to end', () => {
  let world: AccessWorld;
  let tsj: Session;
  let owner: Session;
  let clerk: Session;
  let resident: Session;
  let inspector: Session;
  let house: { houseId: string; premiseId: string };
  let meeting: Detail;

  const db = () => world.platform.ctx.db;
  const get = async (session: Session) =>
    (await as(world, session)('GET', `/api/v1/meetings/${meeting.id}`)).json<Detail>();

  beforeAll(async () => {
    world = await createAccessWorld();
    tsj = await world.openSession('tsj@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');
    clerk = await world.openSession('clerk@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    inspector = await world.openSession('inspector@mpdom.test');
    house = await hoaHouse(world);

    // One flat of the house becomes municipal, so the municipality has a share to vote.
    await db().query(
      `UPDATE ownerships SET person_id = NULL, organisation_id = $2 WHERE id = (
         SELECT o.id FROM ownerships o JOIN premises p ON p.id = o.premise_id
         WHERE p.house_id = $1 AND p.kind = 'flat' AND o.share_denominator = 1
           AND o.person_id IS NOT NULL AND o.premise_id <> $3
         ORDER BY p.number LIMIT 1)`,
      [house.houseId, world.orgs.municipality, house.premiseId],
    );
  });

  afterAll(async () => {
    travel(0);
    await world?.platform.stop();
  });

  it('should announce the meeting and send the notice to the owners on the platform', async () => {
    const response = await as(world, tsj)(
      'POST',
      '/api/v1/meetings',
      electronicMeeting(house.houseId, world.orgs.hoa),
    );

    expect(response.statusCode, response.body).toBe(201);
    meeting = response.json<Detail>();
    expect(meeting.status).toBe('announced');
    expect(meeting.questions.map((q) => q.majority)).toEqual([
      'majority_of_participants',
      'two_thirds_of_all',
      'more_than_half_of_all',
    ]);

    const notices = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_messages o JOIN users u ON u.id::text = o.recipient
       WHERE o.metadata->>'meetingId' = $1 AND u.email = 'owner@mpdom.test'`,
      [meeting.id],
    );

    expect(notices[0]!.n).toBe(1);
    expect(
      (await db().query(`SELECT * FROM meeting_dispatches WHERE meeting_id = $1`, [meeting.id]))
        .length,
    ).toBe(1);
  });

  it('should refuse a ballot before voting opens', async () => {
    const response = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: '00000000-0000-4000-8000-000000000000',
      answers: {},
    });

    expect(response.json().code).toBe('meeting_not_open');
  });

  it('should freeze the register when voting opens, counting all premises’ area', async () => {
    travel(10);

    const detail = await get(owner);
    const [sums] = await db().query<{ area: string; entries: number }>(
      `SELECT (SELECT sum(area_total)::text FROM premises WHERE house_id = $1) AS area,
         (SELECT count(*)::int FROM meeting_register_entries WHERE meeting_id = $2) AS entries`,
      [house.houseId, meeting.id],
    );

    expect(detail.status).toBe('voting');
    expect(detail.results?.totalVotes.m2).toBe(Number(sums!.area).toFixed(2));
    expect(sums!.entries).toBeGreaterThan(0);
    // owner@ holds half of flat 1 here, and votes exactly that half.
    expect(detail.myEntries.map((e) => [e.share, e.castAs])).toEqual([['1/2', 'owner']]);
  });

  it('should take one electronic ballot per share and answer with its receipt', async () => {
    const detail = await get(owner);
    const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['for']]));
    const entryId = detail.myEntries[0]!.entryId;
    const first = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId,
      answers,
    });
    const again = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId,
      answers,
    });

    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().receipt).toMatch(/^[0-9a-f]{64}$/);
    expect(again.json().code).toBe('ballot_already_cast');
  });

  it('should refuse a non-owner, a share of someone else, a half-filled ballot and an unknown entry', async () => {
    const detail = await get(owner);
    const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['for']]));
    const [other] = await db().query<{ id: string }>(
      `SELECT id FROM meeting_register_entries WHERE meeting_id = $1 AND owner_person_id <> $2 LIMIT 1`,
      [meeting.id, owner.personId],
    );
    const asResident = await as(world, resident)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: other!.id,
      answers,
    });
    const someoneElse = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: other!.id,
      answers,
    });
    const unknown = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: '00000000-0000-4000-8000-000000000000',
      answers,
    });
    const partial = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: other!.id,
      answers: { [detail.questions[0]!.id]: ['for', 'against'] },
    });

    expect(asResident.statusCode).toBe(404);
    expect(someoneElse.json().code).toBe('ballot_not_entitled');
    expect(unknown.json().code).toBe('ballot_entry_unknown');
    expect(partial.json().code).toBe('ballot_not_entitled');
    expect(
      (
        await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
          entryId: detail.myEntries[0]!.entryId,
          answers: { '00000000-0000-4000-8000-000000000000': ['for'] },
        })
      ).json().code,
    ).toBe('ballot_answers_invalid');
  });

  it('should let the municipality vote its flats through its clerk', async () => {
    const detail = await get(clerk);
    const municipal = detail.myEntries.filter((e) => e.castAs === 'organisation_representative');

    expect(municipal.length).toBeGreaterThan(0);

    const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['against']]));
    const response = await as(world, clerk)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: municipal[0]!.entryId,
      answers,
    });

    expect(response.statusCode, response.body).toBe(201);
  });

  it('should let a representative vote under a power of attorney in force, not an expired one', async () => {
    const representative = await world.openSession('representative@mpdom.test');
    const entries = await db().query<{ id: string; premiseId: string; personId: string }>(
      `SELECT e.id, e.premise_id AS "premiseId", e.owner_person_id AS "personId"
       FROM meeting_register_entries e
       WHERE e.meeting_id = $1 AND e.owner_person_id IS NOT NULL AND e.owner_person_id <> $2
         AND e.premise_id <> $3 AND e.share_denominator = 1
       ORDER BY e.premise_number LIMIT 2`,
      [meeting.id, owner.personId, house.premiseId],
    );
    const [inForce, expired] = entries;

    // The meetings clock is 10 days ahead: a power ending in 5 days has lapsed by then.
    await db().query(
      `INSERT INTO powers_of_attorney (principal_person_id, representative_user_id, premise_id,
         valid_from, valid_until, created_by)
       VALUES ($1, $2, $3, CURRENT_DATE, CURRENT_DATE + 365, $2),
              ($4, $2, $5, CURRENT_DATE - 30, CURRENT_DATE + 5, $2)`,
      [
        inForce!.personId,
        representative.userId,
        inForce!.premiseId,
        expired!.personId,
        expired!.premiseId,
      ],
    );

    const detail = await get(representative);

    expect(detail.myEntries.map((e) => [e.entryId, e.castAs])).toEqual([
      [inForce!.id, 'representative'],
    ]);

    const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['abstain']]));
    const voted = await as(world, representative)(
      'POST',
      `/api/v1/meetings/${meeting.id}/ballots`,
      {
        entryId: inForce!.id,
        answers,
      },
    );
    const lapsed = await as(world, representative)(
      'POST',
      `/api/v1/meetings/${meeting.id}/ballots`,
      {
        entryId: expired!.id,
        answers,
      },
    );
    const [stored] = await db().query<{ power: string | null; castAs: string }>(
      `SELECT power_of_attorney_id AS power, cast_as AS "castAs" FROM meeting_ballots WHERE hash = $1`,
      [voted.json().receipt],
    );

    expect(voted.statusCode, voted.body).toBe(201);
    expect(stored).toMatchObject({ castAs: 'representative' });
    expect(stored!.power).not.toBeNull();
    expect(lapsed.json().code).toBe('ballot_not_entitled');
  });

  it('should enter a paper ballot with a cleaned scan, spoiled answers counted as such', async () => {
    const detail = await get(owner);
    const [coOwner] = await db().query<{ id: string }>(
      `SELECT e.id FROM meeting_register_entries e
       WHERE e.meeting_id = $1 AND e.premise_id = $2 AND e.owner_person_id <> $3`,
      [meeting.id, house.premiseId, owner.personId],
    );
    const scan = await uploadScan(world, tsj);
    const [q1, q2, q3] = detail.questions;
    const response = await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/paper-ballots`, {
      entryId: coOwner!.id,
      scanFileId: scan.id,
      answers: { [q1!.id]: ['for', 'against'], [q2!.id]: ['for'], [q3!.id]: [] },
    });

    expect(response.statusCode, response.body).toBe(201);

    const [stored] = await db().query<{ scan: string }>(
      'SELECT scan_file_id AS scan FROM meeting_ballots WHERE hash = $1',
      [response.json().receipt],
    );

    // A photo is stored again without its metadata: a new file, not the upload itself.
    expect(stored!.scan).not.toBe(scan.id);

    const [ballot] = await db().query<{ id: string }>(
      'SELECT id FROM meeting_ballots WHERE hash = $1',
      [response.json().receipt],
    );
    const served = await as(world, tsj)(
      'GET',
      `/api/v1/meetings/${meeting.id}/ballots/${ballot!.id}/scan`,
    );
    const byOwner = await as(world, owner)(
      'GET',
      `/api/v1/meetings/${meeting.id}/ballots/${ballot!.id}/scan`,
    );

    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(byOwner.json().code).toBe('forbidden');

    const live = (await get(tsj)).results!;

    expect(live.final).toBe(false);
    expect(live.questions[0]!.spoiledBallots).toBe(1);
  });

  it('should list a paper duplicate of an electronic ballot as a conflict, first received counts', async () => {
    const detail = await get(owner);
    const scan = await uploadScan(world, tsj, 'scan.jpg');
    const answers = Object.fromEntries(detail.questions.map((q) => [q.id, ['against']]));
    const response = await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/paper-ballots`, {
      entryId: detail.myEntries[0]!.entryId,
      scanFileId: scan.id,
      answers,
    });

    expect(response.statusCode, response.body).toBe(201);

    const live = (await get(tsj)).results!;

    expect(live.conflicts).toHaveLength(1);
    expect(live.conflicts[0]!.counted.channel).toBe('electronic');
  });

  it('should count exactly from the frozen register', async () => {
    const live = (await get(tsj)).results!;
    const rows = await db().query<{ area: string; n: number; d: number }>(
      `SELECT e.area::text AS area, e.share_numerator AS n, e.share_denominator AS d
       FROM meeting_ballots b JOIN meeting_register_entries e ON e.id = b.entry_id
       WHERE b.meeting_id = $1 AND b.channel = 'electronic' OR (b.meeting_id = $1 AND NOT EXISTS (
         SELECT 1 FROM meeting_ballots x WHERE x.entry_id = b.entry_id AND x.channel = 'electronic'))`,
      [meeting.id],
    );
    // Σ area × share over the counted ballots, in hundredths of m² × denominators: exact.
    let num = 0n;
    let den = 1n;

    for (const r of rows) {
      const [whole, frac = ''] = r.area.split('.');
      const centi = BigInt(`${whole}${frac.padEnd(2, '0')}`);
      const n = centi * BigInt(r.n);
      const d = 100n * BigInt(r.d);

      num = num * d + n * den;
      den *= d;
    }

    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    const g = gcd(num, den);
    const exact = den / g === 1n ? String(num / g) : `${num / g}/${den / g}`;

    expect(live.participantVotes.exact).toBe(exact);
  });

  it('should refuse ballots after the close and fix the results once, telling the owners', async () => {
    travel(17);

    const late = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/ballots`, {
      entryId: '00000000-0000-4000-8000-000000000000',
      answers: {},
    });
    const detail = await get(tsj);

    expect(late.json().code).toBe('meeting_closed');
    expect(detail.status).toBe('counted');
    expect(detail.results!.final).toBe(true);

    const [results] = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE metadata->>'kind' = 'meeting_results'
         AND metadata->>'meetingId' = $1`,
      [meeting.id],
    );

    expect(results!.n).toBeGreaterThan(0);
  });

  it('should draw up the protocol with its attachments and the chain head', async () => {
    const response = await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/protocol`, {
      chair: 'tsj@mpdom.test',
      secretary: 'owner@mpdom.test',
    });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().form).toBe('266/пр');

    const pdf = await as(world, owner)('GET', `/api/v1/meetings/${meeting.id}/protocol/file`);

    expect(pdf.headers['content-type']).toBe('application/pdf');

    const file = path.join(os.tmpdir(), `protocol-${meeting.id}.pdf`);

    fs.writeFileSync(file, pdf.rawPayload);

    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const [head] = await db().query<{ head: string }>(
      'SELECT chain_head AS head FROM meetings WHERE id = $1',
      [meeting.id],
    );

    expect(text).toContain('ПРОТОКОЛ №');
    expect(text).toContain('Реестр собственников');
    expect(text).toContain('Список участников');
    expect(text).toContain('Бюллетени');
    expect(text.replace(/\s+/g, '')).toContain(head!.head);
    expect(
      (
        await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/protocol`, {
          chair: 'tsj@mpdom.test',
          secretary: 'owner@mpdom.test',
        })
      ).json().code,
    ).toBe('protocol_exists');
  });

  it('should be signed by one-time codes and forwarded to the inspection', async () => {
    const code = async (session: Session, login: string) => {
      const sent = await as(world, session)(
        'POST',
        `/api/v1/meetings/${meeting.id}/signature-codes`,
      );

      expect(sent.statusCode, sent.body).toBe(201);

      const [message] = await db().query<{ body: string }>(
        `SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY seq DESC LIMIT 1`,
        [login],
      );

      return /Код (\d+)/.exec(message!.body)![1]!;
    };
    const wrong = await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/signatures`, {
      code: '000000',
    });

    expect(wrong.json().code).toMatch(/^otp_/);

    const stranger = await as(world, clerk)(
      'POST',
      `/api/v1/meetings/${meeting.id}/signature-codes`,
    );

    expect(stranger.json().code).toBe('signer_not_designated');

    const chair = await as(world, tsj)('POST', `/api/v1/meetings/${meeting.id}/signatures`, {
      code: await code(tsj, 'tsj@mpdom.test'),
    });

    expect(chair.json().protocolComplete).toBe(false);

    const secretary = await as(world, owner)('POST', `/api/v1/meetings/${meeting.id}/signatures`, {
      code: await code(owner, 'owner@mpdom.test'),
    });

    expect(secretary.json().protocolComplete).toBe(true);

    const received = await as(world, inspector)('GET', '/api/v1/meetings/inspection');
    const mine = received.json<Detail[]>().find((m) => m.id === meeting.id);

    expect(mine?.protocol?.signedAt).not.toBeNull();
    expect(mine?.protocol?.dispatches.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['protocol_to_manager', 'protocol_to_inspection']),
    );
  });

  it('should verify a voter’s receipt, and refuse an unknown one', async () => {
    const detail = await get(owner);
    const receipt = detail.myEntries[0]!.ballot!.receipt;
    const check = await as(world, null)('GET', `/api/v1/meeting-receipts/${receipt}`);

    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ counted: true, chainIntact: true });
    expect(
      (await as(world, null)('GET', `/api/v1/meeting-receipts/${'0'.repeat(64)}`)).statusCode,
    ).toBe(404);
    expect((await as(world, null)('GET', '/api/v1/meeting-receipts/not-a-hash')).statusCode).toBe(
      400,
    );
  });
});
