import type { Tally } from '../../../domain/meetings/counting.js';
import { percentOf } from '../../../domain/meetings/rational.js';
import type { Queryable } from '../../platform/db/database.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import type { MeetingRow } from './meetings.repo.js';
import { insertDispatch } from './meetings.repo.js';

type Recipient = { userId: string; email: string | null };

/**
 * Users who own a premise of the house today (or work for an organisation that does), each
 * once. Owners without an account on the platform are not reachable here: the notice also hangs
 * on the house's public page, and the initiator hands paper notices to the rest.
 */
async function ownersOfHouse(tx: Queryable, houseId: string): Promise<Recipient[]> {
  return tx.query<Recipient>(
    `SELECT DISTINCT u.id AS "userId", u.email
     FROM ownerships o JOIN premises p ON p.id = o.premise_id
     JOIN users u ON u.person_id = o.person_id
       OR u.id IN (SELECT mb.user_id FROM memberships mb WHERE mb.organisation_id = o.organisation_id)
     WHERE p.house_id = $1 AND o.ended_on IS NULL`,
    [houseId],
  );
}

async function sendToOwners(
  tx: Queryable,
  meeting: MeetingRow,
  kind: 'notice' | 'results',
  text: { subject: string; body: string },
  sentAt: Date,
): Promise<number> {
  const recipients = await ownersOfHouse(tx, meeting.houseId);
  const metadata = { kind: `meeting_${kind}`, meetingId: meeting.id };
  let messages = 0;

  for (const r of recipients) {
    await enqueueMessage(tx, { channel: 'in_app', recipient: r.userId, ...text, metadata });
    messages += 1;

    if (r.email) {
      await enqueueMessage(tx, { channel: 'email', recipient: r.email, ...text, metadata });
      messages += 1;
    }
  }

  await insertDispatch(tx, { meetingId: meeting.id, kind, messages, sentAt });

  return messages;
}

/** The notice of a meeting (ст. 45 ч. 5): initiator, form, dates, agenda, where the materials are. */
export async function notifyAnnouncement(
  tx: Queryable,
  meeting: MeetingRow,
  agenda: string[],
  sentAt: Date,
): Promise<number> {
  const body = [
    `Сообщение о проведении общего собрания собственников помещений: ${meeting.houseAddress}.`,
    `Инициатор: ${meeting.initiatorName}. Форма: ${FORM_RU[meeting.form]}.`,
    `Голосование: с ${ru(meeting.votingStartsOn)} по ${ru(meeting.votingEndsOn)}` +
      (meeting.place ? `; место: ${meeting.place}.` : '.'),
    'Повестка дня:',
    ...agenda.map((title, i) => `${i + 1}. ${title}`),
    meeting.materials ? `Материалы: ${meeting.materials}` : 'Материалы — на странице собрания.',
  ].join('\n');

  return sendToOwners(tx, meeting, 'notice', { subject: `ОСС: ${meeting.title}`, body }, sentAt);
}

/** The results, within ten days of the end (ст. 46 ч. 3): sent the moment they are fixed. */
export async function notifyResults(
  tx: Queryable,
  meeting: MeetingRow,
  tally: Tally,
  sentAt: Date,
): Promise<number> {
  const questions = await tx.query<{ title: string }>(
    'SELECT title FROM meeting_questions WHERE meeting_id = $1 ORDER BY position',
    [meeting.id],
  );
  const body = [
    `Итоги общего собрания «${meeting.title}» (${meeting.houseAddress}).`,
    `Приняли участие ${percentOf(tally.participantVotes, tally.totalVotes)} % голосов; ` +
      (tally.quorum ? 'кворум имеется.' : 'кворума нет, решения не приняты.'),
    ...tally.questions.map(
      (q, i) => `${i + 1}. ${questions[i]?.title ?? ''}: ${q.adopted ? 'принято' : 'не принято'}.`,
    ),
  ].join('\n');

  return sendToOwners(
    tx,
    meeting,
    'results',
    { subject: `Итоги ОСС: ${meeting.title}`, body },
    sentAt,
  );
}

const FORM_RU: Record<MeetingRow['form'], string> = {
  in_person: 'очное',
  absentee: 'заочное',
  mixed: 'очно-заочное',
  electronic: 'заочное с использованием системы (ст. 47.1 ЖК РФ)',
};

function ru(date: string): string {
  const [y, m, d] = date.split('-');

  return `${d}.${m}.${y}`;
}
