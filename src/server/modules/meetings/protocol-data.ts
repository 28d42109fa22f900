import { decisionKindOn, protocolFormFor } from '../../../domain/meetings/catalogue.js';
import { votesOf } from '../../../domain/meetings/counting.js';
import { percentOf, toFixed } from '../../../domain/meetings/rational.js';
import { formatShare } from '../../../domain/shares/fraction.js';
import type { AppContext } from '../../platform/context.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { countNow } from './meeting-lifecycle.js';
import { findDispatches, findQuestions, type MeetingRow } from './meetings.repo.js';
import type { ProtocolData } from './protocol-pdf.js';

const FORM_NAME: Record<MeetingRow['form'], string> = {
  in_person: 'очное',
  absentee: 'заочное',
  mixed: 'очно-заочное',
  electronic: 'заочное с использованием системы МП-дом (ст. 47.1 ЖК РФ)',
};

const CHANNEL_RU = { electronic: 'электронно', paper: 'бумажный бюллетень' } as const;

/** Everything the protocol prints, from the fixed count and the frozen register. */
export async function protocolData(
  ctx: AppContext,
  meeting: MeetingRow,
  extra: {
    number: string;
    drawnUpOn: string;
    signers: { role: string; name: string }[];
    now: Date;
    user: SignedInUser;
  },
): Promise<ProtocolData> {
  const { tally, entries, ballots } = await countNow(ctx.db, meeting);
  const questions = await findQuestions(ctx.db, meeting.id);
  const byEntry = new Map(entries.map((e) => [e.id, e]));
  const counted = new Set(tally.countedBallotIds);
  const [admin] = await ctx.db.query<{ name: string }>(
    `SELECT concat_ws(' ', p.surname, p.name, p.patronymic) AS name FROM users u
     JOIN persons p ON p.id = u.person_id WHERE u.id = $1`,
    [meeting.administratorUserId],
  );
  const entryVotes = (id: string) => {
    const e = byEntry.get(id)!;
    const share =
      e.shareNumerator && e.shareDenominator
        ? { numerator: e.shareNumerator, denominator: e.shareDenominator }
        : null;

    return { e, share, votes: votesOf({ ...e, share }) };
  };

  return {
    form: protocolFormFor(meeting.votingEndsOn),
    number: extra.number,
    meetingId: meeting.id,
    drawnUpOn: extra.drawnUpOn,
    place: meeting.place ?? meeting.houseAddress,
    houseAddress: meeting.houseAddress,
    kind: meeting.kind === 'annual' ? 'годовое' : 'внеочередное',
    formName: FORM_NAME[meeting.form],
    votingStartsOn: meeting.votingStartsOn,
    votingEndsOn: meeting.votingEndsOn,
    initiator: meeting.initiatorName,
    administrator: admin?.name ?? '',
    totalVotes: toFixed(tally.totalVotes),
    participantVotes: toFixed(tally.participantVotes),
    participantPercent: percentOf(tally.participantVotes, tally.totalVotes),
    quorum: tally.quorum,
    questions: questions.map((q, i) => {
      const t = tally.questions[i]!;

      return {
        position: q.position,
        title: q.title,
        proposal: q.proposal,
        basis: decisionKindOn(q.decisionKind, meeting.votingStartsOn)?.kind.basis.ru ?? '',
        majority: q.majority,
        for: toFixed(t.for),
        against: toFixed(t.against),
        abstain: toFixed(t.abstain),
        spoiled: toFixed(t.spoiled),
        forPercent: percentOf(t.for, t.base),
        adopted: t.adopted,
      };
    }),
    signers: extra.signers,
    register: entries.map((e) => {
      const { share, votes } = entryVotes(e.id);

      return {
        premise: e.premiseNumber,
        area: e.area,
        owner: e.ownerName ?? 'собственник не установлен',
        share: share ? formatShare(share) : '—',
        votes: toFixed(votes),
      };
    }),
    participants: ballots
      .filter((b) => counted.has(b.id))
      .map((b) => {
        const { e, votes } = entryVotes(b.entryId);

        return {
          premise: e.premiseNumber,
          owner: e.ownerName ?? '',
          votes: toFixed(votes),
          channel: CHANNEL_RU[b.channel],
        };
      }),
    ballots: ballots.map((b) => ({
      sequence: b.sequence,
      premise: byEntry.get(b.entryId)?.premiseNumber ?? '',
      owner: byEntry.get(b.entryId)?.ownerName ?? '',
      channel: CHANNEL_RU[b.channel],
      receivedAt: new Date(b.receivedAt).toISOString(),
      answers: questions
        .map((q) => `${q.position}: ${(b.answers[q.id] ?? []).join('+') || '—'}`)
        .join(', '),
      hash: b.hash,
      counted: counted.has(b.id),
    })),
    conflicts: tally.conflicts.map((c) => {
      const e = byEntry.get(c.entryId);

      return `№ ${e?.premiseNumber ?? ''}, ${e?.ownerName ?? ''}: учтён бюллетень ${c.counted}, не учтены ${c.setAside.join(', ')}`;
    }),
    dispatches: (await findDispatches(ctx.db, meeting.id)).map((d) => ({
      kind: d.kind,
      sentAt: new Date(d.sentAt).toISOString(),
      messages: d.messages,
    })),
    chainHead: meeting.chainHead ?? '',
    createdAt: extra.now,
  };
}
