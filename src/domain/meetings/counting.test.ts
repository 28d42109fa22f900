import { describe, expect, it } from 'vitest';

import {
  countMeeting,
  hasQuorum,
  isAdopted,
  totalVotesOf,
  votesOf,
  type BallotInput,
  type RegisterEntry,
} from './counting.js';
import { formatExact, rational } from './rational.js';

const entry = (
  id: string,
  premiseId: string,
  area: string,
  share: [number, number] | null = [1, 1],
): RegisterEntry => ({
  id,
  premiseId,
  area,
  ownershipId: share ? `own-${id}` : null,
  share: share ? { numerator: share[0], denominator: share[1] } : null,
});

const ballot = (
  id: string,
  entryId: string,
  answers: BallotInput['answers'],
  extra: Partial<BallotInput> = {},
): BallotInput => ({
  id,
  entryId,
  channel: 'electronic',
  receivedAt: `2026-03-01T10:00:0${id.length % 10}.000Z`,
  answers,
  ...extra,
});

describe('votes of an owner', () => {
  it('should be area × share exactly: 1/3 of 50.00 m² is 50/3, three thirds make the whole', () => {
    const thirds = ['a', 'b', 'c'].map((id) => entry(id, 'flat-1', '50.00', [1, 3]));

    expect(formatExact(votesOf(thirds[0]!))).toBe('50/3');
    expect(formatExact(totalVotesOf(thirds))).toBe('50');

    const tally = countMeeting({
      entries: thirds,
      ballots: thirds.map((e) => ballot(e.id, e.id, { q: ['for'] })),
      questions: [{ id: 'q', majority: 'unanimous' }],
      duplicateRule: 'first_received',
    });

    expect(formatExact(tally.participantVotes)).toBe('50');
    expect(tally.questions[0]?.adopted).toBe(true);
  });

  it('should give no votes to a premise whose owner is unknown, yet count its area in all votes', () => {
    const entries = [entry('a', 'p1', '40.50'), entry('x', 'p2', '59.50', null)];

    expect(formatExact(votesOf(entries[1]!))).toBe('0');
    expect(formatExact(totalVotesOf(entries))).toBe('100');
  });

  it('should count the total area of a premise once, however many co-owners it has', () => {
    const entries = [entry('a', 'p1', '60.00', [1, 2]), entry('b', 'p1', '60.00', [1, 2])];

    expect(formatExact(totalVotesOf(entries))).toBe('60');
  });
});

describe('quorum', () => {
  it('should need strictly more than half: exactly 50 % is no quorum', () => {
    expect(hasQuorum(rational(50), rational(100))).toBe(false);
    expect(hasQuorum(rational(5001, 100), rational(100))).toBe(true);
  });

  it('should see a third of a square metre: 100/3 + 50/3 + 1/100 of 100 m² is a quorum', () => {
    const entries = [
      entry('a', 'p1', '50.00', [2, 3]),
      entry('b', 'p1', '50.00', [1, 3]),
      entry('c', 'p2', '0.01'),
      entry('d', 'p3', '49.99'),
    ];
    // a + b = 50 m² exactly (two thirds and a third of flat p1), plus c's 0.01 m².
    const atHalf = countMeeting({
      entries,
      ballots: [ballot('a', 'a', {}), ballot('b', 'b', {})],
      questions: [],
      duplicateRule: 'first_received',
    });
    const justAbove = countMeeting({
      entries,
      ballots: [ballot('a', 'a', {}), ballot('b', 'b', {}), ballot('c', 'c', {})],
      questions: [],
      duplicateRule: 'first_received',
    });

    expect(formatExact(atHalf.participantVotes)).toBe('50');
    expect(atHalf.quorum).toBe(false);
    expect(justAbove.quorum).toBe(true);
  });
});

describe('majorities', () => {
  const figures = { total: rational(300), participants: rational(200) };

  it('should adopt two thirds of all votes at exactly 2/3 and not one hundredth below', () => {
    expect(isAdopted('two_thirds_of_all', rational(200), figures)).toBe(true);
    expect(isAdopted('two_thirds_of_all', rational(19999, 100), figures)).toBe(false);
  });

  it('should need more than half of ALL votes, not of participants, for item 4', () => {
    expect(isAdopted('more_than_half_of_all', rational(150), figures)).toBe(false);
    expect(isAdopted('more_than_half_of_all', rational(15001, 100), figures)).toBe(true);
  });

  it('should measure the default majority against the participants only', () => {
    expect(isAdopted('majority_of_participants', rational(100), figures)).toBe(false);
    expect(isAdopted('majority_of_participants', rational(10001, 100), figures)).toBe(true);
  });

  it('should need every vote for unanimity', () => {
    expect(isAdopted('unanimous', rational(29999, 100), figures)).toBe(false);
    expect(isAdopted('unanimous', rational(300), figures)).toBe(true);
  });
});

describe('a worked meeting', () => {
  // Five premises, 300 m² in all: a flat of three co-owners by thirds, a municipal flat, a shop.
  const entries = [
    entry('t1', 'f1', '60.00', [1, 3]),
    entry('t2', 'f1', '60.00', [1, 3]),
    entry('t3', 'f1', '60.00', [1, 3]),
    entry('m', 'f2', '45.30'),
    entry('s', 'shop', '120.70'),
    entry('o', 'f3', '74.00'),
  ];
  const questions = [
    { id: 'chair', majority: 'majority_of_participants' as const },
    { id: 'fund', majority: 'two_thirds_of_all' as const },
    { id: 'manage', majority: 'more_than_half_of_all' as const },
  ];
  const ballots = [
    ballot('b1', 't1', { chair: ['for'], fund: ['for'], manage: ['for'] }),
    ballot('b2', 't2', { chair: ['for', 'against'], fund: ['for'], manage: ['against'] }),
    ballot('b3', 'm', { chair: ['for'], fund: ['against'], manage: ['for'] }),
    ballot('b4', 's', { chair: ['abstain'], fund: ['for'], manage: ['for'] }),
  ];

  it('should count quorum, spoiled answers and each majority exactly', () => {
    const tally = countMeeting({ entries, ballots, questions, duplicateRule: 'first_received' });
    const [chair, fund, manage] = tally.questions;

    expect(formatExact(tally.totalVotes)).toBe('300');
    // 20 + 20 + 45.3 + 120.7 = 206 m², more than half of 300.
    expect(formatExact(tally.participantVotes)).toBe('206');
    expect(tally.quorum).toBe(true);

    // b2 marked two answers: in the quorum, not on this question.
    expect(formatExact(chair!.spoiled)).toBe('20');
    expect(chair!.spoiledBallots).toBe(1);
    // 20 + 45.3 = 65.3 for, against a base of 206: not more than half.
    expect(formatExact(chair!.for)).toBe('653/10');
    expect(chair!.adopted).toBe(false);

    // 20 + 20 + 120.7 = 160.7 < 200 (two thirds of all).
    expect(formatExact(fund!.for)).toBe('1607/10');
    expect(fund!.adopted).toBe(false);

    // 20 + 45.3 + 120.7 = 186 > 150.
    expect(formatExact(manage!.for)).toBe('186');
    expect(manage!.adopted).toBe(true);
  });

  it('should decide nothing without a quorum', () => {
    const tally = countMeeting({
      entries,
      ballots: [ballot('b4', 's', { chair: ['for'], fund: ['for'], manage: ['for'] })],
      questions,
      duplicateRule: 'first_received',
    });

    expect(tally.quorum).toBe(false);
    expect(tally.questions.map((q) => q.adopted)).toEqual([false, false, false]);
  });
});

describe('paper and electronic ballots of one ownership', () => {
  const entries = [entry('a', 'p1', '70.00'), entry('b', 'p2', '30.00')];
  const electronic = ballot('e', 'a', { q: ['for'] }, { receivedAt: '2026-03-02T08:00:00.000Z' });
  const paper = ballot(
    'p',
    'a',
    { q: ['against'] },
    { channel: 'paper', receivedAt: '2026-03-03T08:00:00.000Z' },
  );
  const run = (rule: 'first_received' | 'last_received' | 'paper_prevails') =>
    countMeeting({
      entries,
      ballots: [paper, electronic],
      questions: [{ id: 'q', majority: 'majority_of_participants' }],
      duplicateRule: rule,
    });

  it('should count the first received by default and list the conflict', () => {
    const tally = run('first_received');

    expect(tally.countedBallotIds).toEqual(['e']);
    expect(tally.conflicts).toEqual([{ entryId: 'a', counted: 'e', setAside: ['p'] }]);
    expect(formatExact(tally.participantVotes)).toBe('70');
    expect(tally.questions[0]?.adopted).toBe(true);
  });

  it('should follow the organisation’s other rules', () => {
    expect(run('last_received').countedBallotIds).toEqual(['p']);
    expect(run('paper_prevails').questions[0]?.adopted).toBe(false);
  });

  it('should refuse a ballot of an entry outside the frozen register', () => {
    expect(() =>
      countMeeting({
        entries,
        ballots: [ballot('z', 'nope', {})],
        questions: [],
        duplicateRule: 'first_received',
      }),
    ).toThrow(/frozen register/);
  });
});
