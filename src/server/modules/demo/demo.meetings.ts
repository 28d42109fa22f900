import { ballotHash, genesisHash } from '../../../domain/meetings/ballot-chain.js';
import { addDays } from '../../../domain/meetings/schedule.js';
import type { Queryable } from '../../platform/db/database.js';
import { startOfDay } from '../meetings/create-meeting.js';
import { countNow } from '../meetings/meeting-lifecycle.js';
import {
  findMeeting,
  insertMeeting,
  insertQuestions,
  setMeetingState,
} from '../meetings/meetings.repo.js';
import { findEntries, freezeRegister } from '../meetings/register.repo.js';
import type { DemoHouse } from './demo.houses.js';

const QUESTIONS = [
  {
    title: 'Избрать председателем собрания председателя правления ТСЖ',
    decisionKind: 'other',
    majority: 'majority_of_participants' as const,
  },
  {
    title: 'Утвердить план текущего ремонта подъездов на следующий год',
    decisionKind: 'other',
    majority: 'majority_of_participants' as const,
  },
  {
    title: 'Разрешить размещение рекламной конструкции на фасаде',
    decisionKind: 'p3',
    majority: 'two_thirds_of_all' as const,
  },
];

/**
 * One finished electronic meeting of the ТСЖ house (the second demo house): announced, voted by
 * about two thirds of the shares, counted from its frozen register with the ballot chain. Its
 * protocol is left for the ТСЖ's chair to draw up and sign in the interface.
 */
export async function seedDemoMeetings(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const house = houses[1];

  if (!house?.managingOrganisationId) {
    return;
  }

  const [chair] = await tx.query<{ id: string }>(
    `SELECT id FROM users WHERE email = 'tsj@mpdom.test'`,
  );

  if (!chair) {
    return;
  }

  const today = new Date().toISOString().slice(0, 10);
  const startsOn = addDays(today, -30);
  const endsOn = addDays(today, -21);
  const zone = 'Asia/Yekaterinburg';
  const id = await insertMeeting(tx, {
    houseId: house.id,
    form: 'electronic',
    kind: 'annual',
    title: 'Годовое собрание собственников (демо)',
    place: 'Система МП-дом',
    materials: 'Отчёт правления и смета — в правлении ТСЖ и на странице собрания',
    initiatorOrganisationId: house.managingOrganisationId,
    initiatorPersonId: null,
    administratorUserId: chair.id,
    createdByUserId: chair.id,
    noticeOn: addDays(startsOn, -12),
    votingStartsOn: startsOn,
    votingEndsOn: endsOn,
    paperUntilOn: endsOn,
    opensAt: startOfDay(startsOn, zone),
    closesAt: startOfDay(addDays(endsOn, 1), zone),
    paperClosesAt: startOfDay(addDays(endsOn, 1), zone),
    timeZone: zone,
    duplicateRule: 'first_received',
    catalogueEdition: '2024-09-01',
    isDemo: true,
  });

  await insertQuestions(
    tx,
    id,
    QUESTIONS.map((q, i) => ({ ...q, position: i + 1, proposal: null })),
  );
  await freezeRegister(tx, id, house.id, startsOn);

  const entries = (await findEntries(tx, id)).filter((e) => e.ownershipId);
  const questions = await tx.query<{ id: string }>(
    'SELECT id FROM meeting_questions WHERE meeting_id = $1 ORDER BY position',
    [id],
  );
  let previous = genesisHash(id);
  let sequence = 0;

  // Two entries in three return a paper ballot, entered by the chair; the pattern of answers is fixed so the demo is the same each time.
  for (const [index, entry] of entries.entries()) {
    if (index % 3 === 2) {
      continue;
    }

    sequence += 1;

    const receivedAt = new Date(startOfDay(startsOn, zone).getTime() + sequence * 3_600_000);
    const answers = Object.fromEntries(
      questions.map((q, qi) => [q.id, [(index + qi) % 5 === 0 ? 'against' : 'for']]),
    );
    const hash = ballotHash(
      {
        meetingId: id,
        sequence,
        entryId: entry.id,
        channel: 'paper',
        receivedAt: receivedAt.toISOString(),
        answers,
      },
      previous,
    );

    await tx.query(
      `INSERT INTO meeting_ballots (meeting_id, entry_id, channel, cast_as, cast_by_user_id,
         received_at, answers, sequence, previous_hash, hash)
       VALUES ($1, $2, 'paper', 'administrator', $3, $4, $5::jsonb, $6, $7, $8)`,
      [id, entry.id, chair.id, receivedAt, JSON.stringify(answers), sequence, previous, hash],
    );
    previous = hash;
  }

  const [total] = await tx.query<{ area: string }>(
    `SELECT COALESCE(sum(area), 0)::text AS area FROM (SELECT DISTINCT ON (premise_id) area
     FROM meeting_register_entries WHERE meeting_id = $1) p`,
    [id],
  );
  const counted = await countNow(tx, (await findMeeting(tx, id))!);

  await setMeetingState(tx, id, {
    status: 'counted',
    totalArea: total?.area ?? '0',
    frozenAt: startOfDay(startsOn, zone),
    countedAt: startOfDay(addDays(endsOn, 1), zone),
    results: counted.results,
    chainHead: counted.chainHead,
  });
  await tx.query(
    `INSERT INTO meeting_dispatches (meeting_id, kind, messages, sent_at) VALUES
       ($1, 'notice', 0, $2), ($1, 'results', 0, $3)`,
    [id, startOfDay(addDays(startsOn, -12), zone), startOfDay(addDays(endsOn, 1), zone)],
  );
}
