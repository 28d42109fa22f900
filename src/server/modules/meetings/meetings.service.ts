import { votesOf } from '../../../domain/meetings/counting.js';
import { fromDecimal, ZERO } from '../../../domain/meetings/rational.js';
import { formatShare } from '../../../domain/shares/fraction.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile } from '../../platform/files/files.service.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { findBallots } from './ballots.repo.js';
import { countNow } from './meeting-lifecycle.js';
import { meetingFor, meetingToAdminister } from './meetings.access.js';
import { dateIn, meetingsClock } from './meetings.clock.js';
import { figure, presentMeeting, presentProtocol, presentResults } from './meetings.presenter.js';
import { findDispatches, findQuestions, listMeetings, type MeetingRow } from './meetings.repo.js';
import { findProtocol, findSigners } from './protocol.repo.js';
import { findEntries, findVotableEntries } from './register.repo.js';

type Acting = { user: SignedInUser | null; requestId: string };

async function protocolOf(ctx: AppContext, meetingId: string) {
  const row = await findProtocol(ctx.db, meetingId);

  if (!row) {
    return null;
  }

  return presentProtocol(
    row,
    await findSigners(ctx.db, meetingId),
    await findDispatches(ctx.db, meetingId),
  );
}

async function summaries(ctx: AppContext, rows: MeetingRow[]) {
  const now = meetingsClock.now();

  return Promise.all(
    rows.map(async (m) =>
      presentMeeting(m, await findQuestions(ctx.db, m.id), now, await protocolOf(ctx, m.id)),
    ),
  );
}

/** The live (or fixed) figures; null before voting opens, when there is no register yet. */
async function resultsOf(ctx: AppContext, meeting: MeetingRow) {
  if (meeting.status === 'announced') {
    return null;
  }

  const counted = await countNow(ctx.db, meeting);
  const final = meeting.status === 'counted' || meeting.status === 'signed';

  return presentResults(counted.tally, {
    final,
    entries: counted.entries,
    ballots: counted.ballots,
    chainHead: final ? meeting.chainHead : counted.chainHead,
  });
}

/**
 * A meeting as the caller may see it: the agenda and dates, the live figures (exact inside,
 * rounded for display), the entries the caller may vote with their receipts, and the protocol.
 */
export async function getMeeting(ctx: AppContext, acting: Acting, id: string) {
  const { meeting, rights, user } = await meetingFor(ctx, acting.user, id);
  const now = meetingsClock.now();
  const today = dateIn(now, meeting.timeZone);
  const votable =
    meeting.status === 'announced' ? [] : await findVotableEntries(ctx.db, id, user, today);
  const ballots = await findBallots(ctx.db, id);
  const total = meeting.totalArea ? fromDecimal(meeting.totalArea) : ZERO;
  const [signer] = await ctx.db.query<{ role: string }>(
    'SELECT role FROM meeting_signatures WHERE meeting_id = $1 AND user_id = $2 AND signed_at IS NULL',
    [id, user.id],
  );

  return {
    ...presentMeeting(meeting, await findQuestions(ctx.db, id), now, await protocolOf(ctx, id)),
    mayAdminister: rights.administer,
    mySignatureRole: signer?.role ?? null,
    myEntries: votable.map((e) => {
      const ballot =
        ballots.find((b) => b.entryId === e.id && b.channel === 'electronic') ??
        ballots.find((b) => b.entryId === e.id);
      const share =
        e.shareNumerator && e.shareDenominator
          ? { numerator: e.shareNumerator, denominator: e.shareDenominator }
          : null;

      return {
        entryId: e.id,
        premiseNumber: e.premiseNumber,
        premiseKind: e.premiseKind,
        area: e.area,
        share: share ? formatShare(share) : '—',
        votes: figure(
          votesOf({
            id: e.id,
            premiseId: e.premiseId,
            area: e.area,
            ownershipId: e.ownershipId,
            share,
          }),
          total,
        ),
        ownerName: e.ownerName,
        castAs: e.castAs,
        ballot: ballot
          ? {
              id: ballot.id,
              channel: ballot.channel,
              receipt: ballot.hash,
              receivedAt: new Date(ballot.receivedAt).toISOString(),
            }
          : null,
      };
    }),
    results: await resultsOf(ctx, meeting),
  };
}

/** The meetings of the houses where the caller owns (or represents, or whose owner they work for). */
export async function listMyMeetings(ctx: AppContext, acting: Acting) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const houses = await ctx.db.query<{ id: string }>(
    `SELECT DISTINCT p.house_id AS id FROM premises p
     LEFT JOIN ownerships o ON o.premise_id = p.id AND o.ended_on IS NULL
     WHERE o.person_id = $2
       OR o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)
       OR p.id IN (SELECT premise_id FROM powers_of_attorney
                   WHERE representative_user_id = $1 AND revoked_at IS NULL)`,
    [acting.user.id, acting.user.personId],
  );

  return summaries(ctx, await listMeetings(ctx.db, { houseIds: houses.map((h) => h.id) }));
}

/** The meetings of the houses an organisation manages or convened. */
export async function listOrganisationMeetings(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'meetings.read_org', { organisationId: orgId });

  return summaries(ctx, await listMeetings(ctx.db, { organisationId: orgId }));
}

/** Protocols forwarded to the housing inspection, newest first. */
export async function listInspectionProtocols(ctx: AppContext, acting: Acting) {
  await authorize(ctx, acting.user, 'meetings.inspect');

  const [inspection] = await ctx.db.query<{ id: string }>(
    `SELECT m.organisation_id AS id FROM memberships m WHERE m.user_id = $1 AND m.role = 'inspector'
     LIMIT 1`,
    [acting.user!.id],
  );

  return summaries(ctx, await listMeetings(ctx.db, { forwardedTo: inspection?.id ?? null }));
}

/** The public notices and archive of a house: agenda, dates, status and decisions, no names. */
export async function listHouseMeetings(ctx: AppContext, houseId: string) {
  const rows = await listMeetings(ctx.db, { houseIds: [houseId] });

  return (await summaries(ctx, rows)).map((m) => {
    const row = rows.find((r) => r.id === m.id)!;
    const results = row.results as {
      questions?: { questionId: string; adopted: boolean }[];
    } | null;

    return {
      ...m,
      protocol: m.protocol ? { ...m.protocol, signers: [] } : null,
      decisions: (results?.questions ?? []).map((q) => ({
        questionId: q.questionId,
        adopted: q.adopted,
      })),
    };
  });
}

/** The frozen register of owners, for the administrator; reading it is journaled. */
export async function getRegister(ctx: AppContext, acting: Acting, id: string) {
  const { meeting, user } = await meetingToAdminister(ctx, acting.user, id);
  const entries = await findEntries(ctx.db, id);
  const ballots = await findBallots(ctx.db, id);
  const total = meeting.totalArea ? fromDecimal(meeting.totalArea) : ZERO;

  await recordAudit(ctx.db, {
    actorUserId: user.id,
    action: 'meeting.register_viewed',
    objectType: 'meeting',
    objectId: id,
    requestId: acting.requestId,
    personalDataAccess: true,
  });

  return {
    frozenAt: meeting.frozenAt ? new Date(meeting.frozenAt).toISOString() : null,
    totalArea: meeting.totalArea,
    entries: entries.map((e) => {
      const share =
        e.shareNumerator && e.shareDenominator
          ? { numerator: e.shareNumerator, denominator: e.shareDenominator }
          : null;

      return {
        entryId: e.id,
        premiseNumber: e.premiseNumber,
        premiseKind: e.premiseKind,
        area: e.area,
        ownerName: e.ownerName,
        share: share ? formatShare(share) : null,
        votes: figure(votesOf({ ...e, share }), total),
        ballots: ballots
          .filter((b) => b.entryId === e.id)
          .map((b) => ({
            id: b.id,
            channel: b.channel,
            receivedAt: new Date(b.receivedAt).toISOString(),
            hasScan: b.scanFileId !== null,
          })),
      };
    }),
  };
}

/** The scan of a paper ballot, for the administrator; journaled, it shows a signed ballot. */
export async function openBallotScan(
  ctx: AppContext,
  acting: Acting,
  meetingId: string,
  ballotId: string,
) {
  const { user } = await meetingToAdminister(ctx, acting.user, meetingId);
  const ballot = (await findBallots(ctx.db, meetingId)).find((b) => b.id === ballotId);

  if (!ballot?.scanFileId) {
    throw new AppError('not_found', { detail: { ru: 'Скан не найден', en: 'No such scan' } });
  }

  const file = await getStoredFile(ctx, ballot.scanFileId);

  await recordAudit(ctx.db, {
    actorUserId: user.id,
    action: 'meeting.ballot_scan_viewed',
    objectType: 'meeting',
    objectId: meetingId,
    requestId: acting.requestId,
    personalDataAccess: true,
    after: { ballotId },
  });

  return { file, stream: await openStoredFile(ctx, file) };
}
