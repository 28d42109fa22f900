import { verifyChain, genesisHash } from '../../../domain/meetings/ballot-chain.js';
import { countMeeting, type Tally } from '../../../domain/meetings/counting.js';
import { formatExact } from '../../../domain/meetings/rational.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { findBallots, type BallotRow } from './ballots.repo.js';
import { meetingsClock } from './meetings.clock.js';
import { findMeeting, findQuestions, setMeetingState, type MeetingRow } from './meetings.repo.js';
import { notifyResults } from './meeting-notices.js';
import { findEntries, freezeRegister, type EntryRow } from './register.repo.js';

/**
 * Brings a meeting up to date with the clock, under its row lock: when voting has opened the
 * register is frozen (once, as of the first day of voting); when voting has closed the results
 * are counted from the frozen register and fixed (once), and owners are told them. Every path
 * that reads or changes a meeting goes through here, so no job has to be on time for it.
 */
export async function advanceMeeting(tx: Queryable, id: string): Promise<MeetingRow | undefined> {
  const meeting = await findMeeting(tx, id, { lock: true });
  const now = meetingsClock.now();

  if (!meeting) {
    return undefined;
  }

  if (meeting.status === 'announced' && now >= meeting.opensAt) {
    await freezeRegister(tx, meeting.id, meeting.houseId, meeting.votingStartsOn);

    const [total] = await tx.query<{ area: string }>(
      `SELECT COALESCE(sum(area), 0)::text AS area FROM (
         SELECT DISTINCT ON (premise_id) area FROM meeting_register_entries WHERE meeting_id = $1
       ) p`,
      [meeting.id],
    );

    await setMeetingState(tx, meeting.id, {
      status: 'voting',
      totalArea: total?.area ?? '0',
      frozenAt: now,
    });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'meeting.register_frozen',
      objectType: 'meeting',
      objectId: meeting.id,
      after: { onDate: meeting.votingStartsOn, totalArea: total?.area ?? '0' },
    });
  }

  const current = (await findMeeting(tx, id))!;

  if (current.status === 'voting' && now >= current.closesAt) {
    const fixed = await countNow(tx, current);

    await setMeetingState(tx, current.id, {
      status: 'counted',
      countedAt: now,
      results: fixed.results,
      chainHead: fixed.chainHead,
    });
    await notifyResults(tx, current, fixed.tally, now);
    await recordAudit(tx, {
      actorUserId: null,
      action: 'meeting.results_fixed',
      objectType: 'meeting',
      objectId: current.id,
      after: { chainHead: fixed.chainHead, quorum: fixed.tally.quorum },
    });
  }

  return findMeeting(tx, id);
}

export type Counted = {
  tally: Tally;
  entries: EntryRow[];
  ballots: BallotRow[];
  results: Record<string, unknown>;
  chainHead: string;
};

/** Counts the meeting as it stands: the live figures during voting, the final ones after. */
export async function countNow(db: Queryable, meeting: MeetingRow): Promise<Counted> {
  const entries = await findEntries(db, meeting.id);
  const ballots = await findBallots(db, meeting.id);
  const questions = await findQuestions(db, meeting.id);
  const tally = countMeeting({
    entries: entries.map((e) => ({
      id: e.id,
      premiseId: e.premiseId,
      area: e.area,
      ownershipId: e.ownershipId,
      share:
        e.shareNumerator && e.shareDenominator
          ? { numerator: e.shareNumerator, denominator: e.shareDenominator }
          : null,
    })),
    ballots: ballots.map((b) => ({
      id: b.id,
      entryId: b.entryId,
      channel: b.channel,
      receivedAt: new Date(b.receivedAt).toISOString(),
      answers: b.answers,
    })),
    questions: questions.map((q) => ({ id: q.id, majority: q.majority })),
    duplicateRule: meeting.duplicateRule,
  });
  const chain = verifyChain(meeting.id, ballots.map(chainedOf));
  const chainHead = chain.ok ? chain.head : genesisHash(meeting.id);

  return { tally, entries, ballots, results: serialiseTally(tally), chainHead };
}

/** A stored ballot as the chain hashes it. */
export function chainedOf(b: BallotRow) {
  return {
    meetingId: b.meetingId,
    sequence: b.sequence,
    entryId: b.entryId,
    channel: b.channel,
    receivedAt: new Date(b.receivedAt).toISOString(),
    answers: b.answers,
    hash: b.hash,
    previousHash: b.previousHash,
  };
}

/** The fixed count as JSON: exact fractions as text, so nothing is lost in storage. */
export function serialiseTally(tally: Tally): Record<string, unknown> {
  return {
    totalVotes: formatExact(tally.totalVotes),
    participantVotes: formatExact(tally.participantVotes),
    quorum: tally.quorum,
    countedBallotIds: tally.countedBallotIds,
    conflicts: tally.conflicts,
    questions: tally.questions.map((q) => ({
      questionId: q.questionId,
      majority: q.majority,
      for: formatExact(q.for),
      against: formatExact(q.against),
      abstain: formatExact(q.abstain),
      spoiled: formatExact(q.spoiled),
      blank: formatExact(q.blank),
      spoiledBallots: q.spoiledBallots,
      base: formatExact(q.base),
      adopted: q.adopted,
    })),
  };
}
