import { verifyChain } from '../../../domain/meetings/ballot-chain.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findBallotByHash, findBallots } from './ballots.repo.js';
import { chainedOf, countNow } from './meeting-lifecycle.js';
import { findMeeting } from './meetings.repo.js';

/**
 * Checks a receipt: the ballot with this hash exists, the chain from the first ballot through it
 * to the head recomputes, and whether it is the ballot counted for its ownership. Anyone holding
 * the hash may ask; the answer names no person and no answer.
 */
export async function verifyReceipt(ctx: AppContext, hash: string) {
  const ballot = await findBallotByHash(ctx.db, hash);

  if (!ballot) {
    throw new AppError('receipt_unknown');
  }

  const meeting = (await findMeeting(ctx.db, ballot.meetingId))!;
  const ballots = await findBallots(ctx.db, meeting.id);
  const chain = verifyChain(meeting.id, ballots.map(chainedOf));
  const fixed = meeting.results as { countedBallotIds?: string[] } | null;
  const countedIds =
    fixed?.countedBallotIds ?? (await countNow(ctx.db, meeting)).tally.countedBallotIds;

  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    houseAddress: meeting.houseAddress,
    sequence: ballot.sequence,
    channel: ballot.channel,
    receivedAt: new Date(ballot.receivedAt).toISOString(),
    counted: countedIds.includes(ballot.id),
    chainIntact: chain.ok,
    chainHead: meeting.chainHead ?? chain.head,
  };
}
