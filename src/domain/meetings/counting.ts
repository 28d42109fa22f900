import type { Majority } from './catalogue.js';
import {
  add,
  compare,
  fromDecimal,
  multiply,
  rational,
  sum,
  ZERO,
  type Rational,
} from './rational.js';

/**
 * Counting an owners' meeting (ст. 37, 45, 46, 48 ЖК РФ). Every figure is an exact rational in
 * square metres: an owner's votes are the area of the premise times their share; "all votes" is
 * the area of every premise in the frozen register (residential and non-residential), not the
 * building's total area and not the sum of shares known to the platform.
 */

export type Answer = 'for' | 'against' | 'abstain';

export const ANSWERS: readonly Answer[] = ['for', 'against', 'abstain'];

/** One row of the frozen register: a premise, and an ownership of it (null: owner unknown). */
export type RegisterEntry = {
  id: string;
  premiseId: string;
  /** Decimal square metres, "52.30". */
  area: string;
  ownershipId: string | null;
  share: { numerator: number; denominator: number } | null;
};

export type DuplicateRule = 'first_received' | 'last_received' | 'paper_prevails';

export const DUPLICATE_RULES: readonly DuplicateRule[] = [
  'first_received',
  'last_received',
  'paper_prevails',
];

export type BallotInput = {
  id: string;
  entryId: string;
  channel: 'electronic' | 'paper';
  /** ISO instant the ballot reached the platform or the administrator. */
  receivedAt: string;
  /** Marks per question id; more than one mark spoils the question, none leaves it blank. */
  answers: Record<string, Answer[]>;
};

export type QuestionInput = { id: string; majority: Majority };

export type Conflict = { entryId: string; counted: string; setAside: string[] };

export type QuestionTally = {
  questionId: string;
  majority: Majority;
  for: Rational;
  against: Rational;
  abstain: Rational;
  /** More than one answer: counted toward the quorum, not on this question. */
  spoiled: Rational;
  /** No answer on this question. */
  blank: Rational;
  spoiledBallots: number;
  /** What the majority is measured against: all votes, or the participants' votes. */
  base: Rational;
  adopted: boolean;
};

export type Tally = {
  totalVotes: Rational;
  participantVotes: Rational;
  quorum: boolean;
  countedBallotIds: string[];
  conflicts: Conflict[];
  questions: QuestionTally[];
};

/** The votes of one register entry: area × share; an entry without an ownership has none. */
export function votesOf(entry: RegisterEntry): Rational {
  if (!entry.share || !entry.ownershipId) {
    return ZERO;
  }

  return multiply(
    fromDecimal(entry.area),
    rational(entry.share.numerator, entry.share.denominator),
  );
}

/** Σ area of every premise in the register, each premise once however many owners it has. */
export function totalVotesOf(entries: RegisterEntry[]): Rational {
  const areas = new Map<string, string>();

  for (const entry of entries) {
    areas.set(entry.premiseId, entry.area);
  }

  return sum([...areas.values()].map(fromDecimal));
}

/** Quorum (ч. 3 ст. 45): participants hold MORE than half of all votes; exactly half is none. */
export function hasQuorum(participants: Rational, total: Rational): boolean {
  return compare(multiply(participants, rational(2)), total) > 0;
}

/** Whether `votesFor` carries the question under its majority. */
export function isAdopted(
  majority: Majority,
  votesFor: Rational,
  figures: { total: Rational; participants: Rational },
): boolean {
  switch (majority) {
    case 'two_thirds_of_all':
      return compare(multiply(votesFor, rational(3)), multiply(figures.total, rational(2))) >= 0;
    case 'more_than_half_of_all':
      return compare(multiply(votesFor, rational(2)), figures.total) > 0;
    case 'majority_of_participants':
      return compare(multiply(votesFor, rational(2)), figures.participants) > 0;
    case 'unanimous':
      return compare(votesFor, figures.total) === 0 && compare(votesFor, ZERO) > 0;
  }
}

/**
 * Which ballot of an ownership counts when it sent more than one (a paper and an electronic
 * ballot): by the organisation's rule, the first received by default. The rest are set aside and
 * listed as a conflict.
 */
export function pickCounted(ballots: BallotInput[], rule: DuplicateRule): BallotInput {
  const byTime = [...ballots].sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
  );

  if (rule === 'last_received') {
    return byTime[byTime.length - 1]!;
  }

  if (rule === 'paper_prevails') {
    return byTime.find((b) => b.channel === 'paper') ?? byTime[0]!;
  }

  return byTime[0]!;
}

/**
 * Counts a meeting from its frozen register and its ballots. Ballots for entries missing from
 * the register are the caller's fault and throw: the service refuses them before they are stored.
 */
export function countMeeting(input: {
  entries: RegisterEntry[];
  ballots: BallotInput[];
  questions: QuestionInput[];
  duplicateRule: DuplicateRule;
}): Tally {
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const byEntry = new Map<string, BallotInput[]>();

  for (const ballot of input.ballots) {
    if (!entries.has(ballot.entryId)) {
      throw new RangeError(`ballot ${ballot.id} names no entry of the frozen register`);
    }

    byEntry.set(ballot.entryId, [...(byEntry.get(ballot.entryId) ?? []), ballot]);
  }

  const counted: { ballot: BallotInput; votes: Rational }[] = [];
  const conflicts: Conflict[] = [];

  for (const [entryId, ballots] of byEntry) {
    const chosen = pickCounted(ballots, input.duplicateRule);

    counted.push({ ballot: chosen, votes: votesOf(entries.get(entryId)!) });

    if (ballots.length > 1) {
      conflicts.push({
        entryId,
        counted: chosen.id,
        setAside: ballots.filter((b) => b !== chosen).map((b) => b.id),
      });
    }
  }

  const totalVotes = totalVotesOf(input.entries);
  const participantVotes = sum(counted.map((c) => c.votes));
  const quorum = hasQuorum(participantVotes, totalVotes);
  const questions = input.questions.map((question) =>
    tallyQuestion(question, counted, { total: totalVotes, participants: participantVotes, quorum }),
  );

  return {
    totalVotes,
    participantVotes,
    quorum,
    countedBallotIds: counted.map((c) => c.ballot.id).sort(),
    conflicts: conflicts.sort((a, b) => a.entryId.localeCompare(b.entryId)),
    questions,
  };
}

function tallyQuestion(
  question: QuestionInput,
  counted: { ballot: BallotInput; votes: Rational }[],
  figures: { total: Rational; participants: Rational; quorum: boolean },
): QuestionTally {
  const tally = {
    for: ZERO,
    against: ZERO,
    abstain: ZERO,
    spoiled: ZERO,
    blank: ZERO,
  };
  let spoiledBallots = 0;

  for (const { ballot, votes } of counted) {
    const marks = [...new Set(ballot.answers[question.id] ?? [])];

    if (marks.length === 0) {
      tally.blank = add(tally.blank, votes);
    } else if (marks.length > 1) {
      tally.spoiled = add(tally.spoiled, votes);
      spoiledBallots += 1;
    } else {
      const mark = marks[0]!;

      tally[mark] = add(tally[mark], votes);
    }
  }

  const base =
    question.majority === 'majority_of_participants' ? figures.participants : figures.total;

  return {
    questionId: question.id,
    majority: question.majority,
    ...tally,
    spoiledBallots,
    base,
    // A meeting without a quorum decides nothing (ч. 3 ст. 45), whatever the marks say.
    adopted: figures.quorum && isAdopted(question.majority, tally.for, figures),
  };
}
