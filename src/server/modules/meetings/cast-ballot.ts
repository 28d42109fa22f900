import { ballotHash, genesisHash } from '../../../domain/meetings/ballot-chain.js';
import type { Answer } from '../../../domain/meetings/counting.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { findBallots, findLastBallot, insertBallot } from './ballots.repo.js';
import { advanceMeeting } from './meeting-lifecycle.js';
import { meetingFor, meetingToAdminister } from './meetings.access.js';
import { dateIn, meetingsClock } from './meetings.clock.js';
import { findQuestions, type MeetingRow } from './meetings.repo.js';
import type { CastBallotInput, PaperBallotInput } from './meetings.schema.js';
import { storeBallotScan } from './ballot-scans.js';
import { findEntry, findVotableEntries } from './register.repo.js';

type Acting = { user: SignedInUser | null; requestId: string };

export type Receipt = { ballotId: string; receipt: string; sequence: number; receivedAt: string };

/** Voting must be open: after the register froze, before the close. */
function requireOpen(meeting: MeetingRow) {
  if (meeting.status === 'announced') {
    throw new AppError('meeting_not_open', {
      extra: { opensAt: new Date(meeting.opensAt).toISOString() },
    });
  }

  if (meeting.status !== 'voting') {
    throw new AppError('meeting_closed');
  }
}

async function checkAnswers(
  tx: Queryable,
  meetingId: string,
  answers: Record<string, Answer[]>,
  channel: 'electronic' | 'paper',
) {
  const questions = await findQuestions(tx, meetingId);
  const ids = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(answers).filter((id) => !ids.has(id));
  // Through the platform a voter picks exactly one answer per question; a paper ballot is
  // entered as marked, so two marks (spoiled) or none (blank) are recorded as they are.
  const incomplete =
    channel === 'electronic'
      ? questions.filter((q) => new Set(answers[q.id] ?? []).size !== 1).map((q) => q.id)
      : [];

  if (unknown.length > 0 || incomplete.length > 0) {
    throw new AppError('ballot_answers_invalid', {
      errors: [
        ...unknown.map((id) => ({
          field: `answers.${id}`,
          rule: 'question',
          message: 'not a question of this meeting',
        })),
        ...incomplete.map((id) => ({
          field: `answers.${id}`,
          rule: 'one_answer',
          message: 'choose exactly one answer: for, against or abstain',
        })),
      ],
    });
  }

  return Object.fromEntries(
    questions.map((q) => [q.id, [...new Set(answers[q.id] ?? [])].sort()]),
  ) as Record<string, Answer[]>;
}

/** Appends a ballot to the meeting's chain; call under the meeting's row lock. */
async function appendBallot(
  tx: Queryable,
  meeting: MeetingRow,
  ballot: {
    entryId: string;
    channel: 'electronic' | 'paper';
    castAs: string;
    castByUserId: string;
    powerOfAttorneyId: string | null;
    receivedAt: Date;
    answers: Record<string, Answer[]>;
    scanFileId: string | null;
  },
): Promise<Receipt> {
  const taken = (await findBallots(tx, meeting.id)).some(
    (b) => b.entryId === ballot.entryId && b.channel === ballot.channel,
  );

  if (taken) {
    throw new AppError('ballot_already_cast');
  }

  const last = await findLastBallot(tx, meeting.id);
  const sequence = (last?.sequence ?? 0) + 1;
  const previousHash = last?.hash ?? genesisHash(meeting.id);
  const receivedAt = new Date(Math.floor(ballot.receivedAt.getTime()));
  const hash = ballotHash(
    {
      meetingId: meeting.id,
      sequence,
      entryId: ballot.entryId,
      channel: ballot.channel,
      receivedAt: receivedAt.toISOString(),
      answers: ballot.answers,
    },
    previousHash,
  );
  const id = await insertBallot(tx, {
    meetingId: meeting.id,
    ...ballot,
    receivedAt,
    sequence,
    previousHash,
    hash,
  });

  return { ballotId: id, receipt: hash, sequence, receivedAt: receivedAt.toISOString() };
}

/**
 * An owner's electronic ballot for one entry of the frozen register: cast by the owner, by a
 * representative under a power of attorney in force today, or by a member of the organisation
 * that owns the premise (a municipality's flats). One per ownership; the hash is the receipt.
 */
export async function castBallot(
  ctx: AppContext,
  acting: Acting,
  meetingId: string,
  input: CastBallotInput,
): Promise<Receipt> {
  const { user } = await meetingFor(ctx, acting.user, meetingId);

  await authorize(ctx, user, 'meetings.vote');

  return ctx.db.transaction(async (tx) => {
    const meeting = (await advanceMeeting(tx, meetingId))!;

    requireOpen(meeting);

    const entry = await findEntry(tx, meetingId, input.entryId);

    if (!entry || !entry.ownershipId) {
      throw new AppError('ballot_entry_unknown');
    }

    const today = dateIn(meetingsClock.now(), meeting.timeZone);
    const votable = (await findVotableEntries(tx, meetingId, user, today)).find(
      (e) => e.id === entry.id,
    );

    if (!votable) {
      throw new AppError('ballot_not_entitled');
    }

    const answers = await checkAnswers(tx, meetingId, input.answers, 'electronic');
    const receipt = await appendBallot(tx, meeting, {
      entryId: entry.id,
      channel: 'electronic',
      castAs: votable.castAs,
      castByUserId: user.id,
      powerOfAttorneyId: votable.powerOfAttorneyId,
      receivedAt: meetingsClock.now(),
      answers,
      scanFileId: null,
    });

    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'meeting.ballot_cast',
      objectType: 'meeting',
      objectId: meetingId,
      requestId: acting.requestId,
      after: { entryId: entry.id, castAs: votable.castAs, receipt: receipt.receipt },
    });

    return receipt;
  });
}

/**
 * A paper ballot the administrator received, entered with its scan (images lose their metadata
 * on the way in). Accepted from the opening of voting to the paper cut-off.
 */
export async function enterPaperBallot(
  ctx: AppContext,
  acting: Acting,
  meetingId: string,
  input: PaperBallotInput,
): Promise<Receipt> {
  const { user } = await meetingToAdminister(ctx, acting.user, meetingId);
  const now = meetingsClock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;

  // Checked before the scan is copied, so a ballot for nobody leaves no file behind.
  if (!(await findEntry(ctx.db, meetingId, input.entryId))?.ownershipId) {
    throw new AppError('ballot_entry_unknown');
  }

  const scan = await storeBallotScan(ctx, user, input.scanFileId);

  return ctx.db.transaction(async (tx) => {
    const meeting = (await advanceMeeting(tx, meetingId))!;

    requireOpen(meeting);

    if (now >= meeting.paperClosesAt || receivedAt >= meeting.paperClosesAt) {
      throw new AppError('paper_cutoff_passed', {
        extra: { paperUntilOn: meeting.paperUntilOn },
      });
    }

    if (receivedAt < meeting.opensAt || receivedAt > now) {
      throw new AppError('validation_failed', {
        errors: [
          {
            field: 'receivedAt',
            rule: 'within_voting',
            message: 'a paper ballot is received after voting opens and not in the future',
          },
        ],
      });
    }

    const entry = await findEntry(tx, meetingId, input.entryId);

    if (!entry || !entry.ownershipId) {
      throw new AppError('ballot_entry_unknown');
    }

    const answers = await checkAnswers(tx, meetingId, input.answers, 'paper');
    const receipt = await appendBallot(tx, meeting, {
      entryId: entry.id,
      channel: 'paper',
      castAs: 'administrator',
      castByUserId: user.id,
      powerOfAttorneyId: null,
      receivedAt,
      answers,
      scanFileId: scan,
    });

    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'meeting.paper_ballot_entered',
      objectType: 'meeting',
      objectId: meetingId,
      requestId: acting.requestId,
      after: { entryId: entry.id, scanFileId: scan, receipt: receipt.receipt },
    });

    return receipt;
  });
}
