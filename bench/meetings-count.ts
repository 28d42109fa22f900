/**
 * Times the exact count of a large meeting: a house of 2,000 ownerships (areas with two decimals,
 * shares by halves, thirds and sevenths), a ballot from each, a tenth of them duplicated on
 * paper, ten questions. Pure domain code: bigint rationals, no database.
 *
 *   npx tsx bench/meetings-count.ts
 */
import {
  countMeeting,
  type BallotInput,
  type RegisterEntry,
} from '../src/domain/meetings/counting.js';

const MAJORITIES = [
  'majority_of_participants',
  'two_thirds_of_all',
  'more_than_half_of_all',
] as const;
const ENTRIES = 2000;
const QUESTIONS = 10;
const ROUNDS = 20;

function world() {
  const entries: RegisterEntry[] = [];
  const ballots: BallotInput[] = [];
  const questions = Array.from({ length: QUESTIONS }, (_, i) => ({
    id: `q${i}`,
    majority: MAJORITIES[i % 3]!,
  }));

  for (let i = 0; i < ENTRIES; i += 1) {
    const denominator = [1, 2, 3, 7][i % 4]!;

    entries.push({
      id: `e${i}`,
      premiseId: `p${Math.floor(i / 2)}`,
      area: `${30 + (i % 70)}.${String(i % 100).padStart(2, '0')}`,
      ownershipId: `o${i}`,
      share: { numerator: 1, denominator },
    });

    const answers = Object.fromEntries(
      questions.map((q, k) => [q.id, [(['for', 'against', 'abstain'] as const)[(i + k) % 3]!]]),
    );

    ballots.push({
      id: `b${i}`,
      entryId: `e${i}`,
      channel: 'electronic',
      receivedAt: '2026-03-01T00:00:00.000Z',
      answers,
    });

    if (i % 10 === 0) {
      ballots.push({
        id: `p${i}`,
        entryId: `e${i}`,
        channel: 'paper',
        receivedAt: '2026-03-02T00:00:00.000Z',
        answers,
      });
    }
  }

  return { entries, ballots, questions };
}

const input = world();
const started = process.hrtime.bigint();

for (let round = 0; round < ROUNDS; round += 1) {
  countMeeting({ ...input, duplicateRule: 'first_received' });
}

const ms = Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;

console.log(
  `count of ${ENTRIES} ownerships, ${input.ballots.length} ballots, ${QUESTIONS} questions: ` +
    `${ms.toFixed(1)} ms per count (${ROUNDS} rounds)`,
);
