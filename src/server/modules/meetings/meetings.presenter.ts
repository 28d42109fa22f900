import { decisionKindOn } from '../../../domain/meetings/catalogue.js';
import type { Tally } from '../../../domain/meetings/counting.js';
import {
  formatExact,
  percentOf,
  toFixed,
  type Rational,
} from '../../../domain/meetings/rational.js';
import type { BallotRow } from './ballots.repo.js';
import type { MeetingRow, QuestionRow } from './meetings.repo.js';
import type { EntryRow } from './register.repo.js';

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/** A figure three ways: exact (for machines and the protocol), m², and % of its base. */
export function figure(value: Rational, base: Rational) {
  return { exact: formatExact(value), m2: toFixed(value, 2), percent: percentOf(value, base, 2) };
}

/**
 * What a person sees of the status. Lists do not advance meetings (that takes the row lock), so
 * a stored status behind the clock is shown as the clock has it: voting once it opened, "closed"
 * once it ended and until the count is fixed on the next visit.
 */
export function statusOf(meeting: MeetingRow, now: Date): string {
  const pending = meeting.status === 'announced' || meeting.status === 'voting';

  if (pending && now >= new Date(meeting.closesAt)) {
    return 'closed';
  }

  if (meeting.status === 'announced' && now >= new Date(meeting.opensAt)) {
    return 'voting';
  }

  return meeting.status;
}

export function presentQuestion(q: QuestionRow, onDate: string) {
  const kind = decisionKindOn(q.decisionKind, onDate)?.kind;

  return {
    id: q.id,
    position: q.position,
    title: q.title,
    proposal: q.proposal,
    decisionKind: q.decisionKind,
    basis: kind?.basis.ru ?? q.decisionKind,
    basisEn: kind?.basis.en ?? q.decisionKind,
    majority: q.majority,
  };
}

export function presentMeeting(
  meeting: MeetingRow,
  questions: QuestionRow[],
  now: Date,
  protocol: ReturnType<typeof presentProtocol> | null = null,
) {
  return {
    id: meeting.id,
    houseId: meeting.houseId,
    houseAddress: meeting.houseAddress,
    form: meeting.form,
    kind: meeting.kind,
    title: meeting.title,
    place: meeting.place,
    materials: meeting.materials,
    initiator: {
      kind: meeting.initiatorOrganisationId ? ('organisation' as const) : ('owner' as const),
      name: meeting.initiatorName,
    },
    noticeOn: meeting.noticeOn,
    votingStartsOn: meeting.votingStartsOn,
    votingEndsOn: meeting.votingEndsOn,
    paperUntilOn: meeting.paperUntilOn,
    opensAt: iso(meeting.opensAt)!,
    closesAt: iso(meeting.closesAt)!,
    duplicateRule: meeting.duplicateRule,
    catalogueEdition: meeting.catalogueEdition,
    status: statusOf(meeting, now),
    questions: questions.map((q) => presentQuestion(q, meeting.votingStartsOn)),
    protocol,
  };
}

export function presentProtocol(
  row: { number: string; form: string; sha256: string; drawnUpOn: string; signedAt: Date | null },
  signers: { role: string; name: string; signedAt: Date | null }[],
  dispatches: { kind: string; recipient: string | null; sentAt: Date }[],
) {
  return {
    number: row.number,
    form: row.form,
    sha256: row.sha256,
    drawnUpOn: row.drawnUpOn,
    signedAt: iso(row.signedAt),
    signers: signers.map((s) => ({ role: s.role, name: s.name, signedAt: iso(s.signedAt) })),
    dispatches: dispatches.map((d) => ({
      kind: d.kind,
      recipient: d.recipient,
      sentAt: iso(d.sentAt)!,
    })),
  };
}

/** The figures of a count, live or fixed, with each duplicate named. */
export function presentResults(
  tally: Tally,
  context: { final: boolean; entries: EntryRow[]; ballots: BallotRow[]; chainHead: string | null },
) {
  const entries = new Map(context.entries.map((e) => [e.id, e]));
  const channels = new Map(context.ballots.map((b) => [b.id, b.channel]));
  const total = tally.totalVotes;

  return {
    final: context.final,
    totalVotes: figure(total, total),
    participantVotes: figure(tally.participantVotes, total),
    quorum: tally.quorum,
    ballots: tally.countedBallotIds.length,
    conflicts: tally.conflicts.map((c) => ({
      entryId: c.entryId,
      premiseNumber: entries.get(c.entryId)?.premiseNumber ?? '',
      ownerName: entries.get(c.entryId)?.ownerName ?? null,
      counted: { ballotId: c.counted, channel: channels.get(c.counted) ?? '' },
      setAside: c.setAside.map((id) => ({ ballotId: id, channel: channels.get(id) ?? '' })),
    })),
    questions: tally.questions.map((q) => ({
      questionId: q.questionId,
      majority: q.majority,
      for: figure(q.for, q.base),
      against: figure(q.against, q.base),
      abstain: figure(q.abstain, q.base),
      spoiled: figure(q.spoiled, q.base),
      blank: figure(q.blank, q.base),
      spoiledBallots: q.spoiledBallots,
      base:
        q.majority === 'majority_of_participants' ? ('participants' as const) : ('all' as const),
      adopted: q.adopted,
    })),
    chainHead: context.chainHead,
  };
}
