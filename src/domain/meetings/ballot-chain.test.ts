import { describe, expect, it } from 'vitest';

import { ballotHash, genesisHash, verifyChain, type ChainedBallot } from './ballot-chain.js';

function chain(contents: ChainedBallot[]) {
  let previous = genesisHash('m1');

  return contents.map((content) => {
    const hash = ballotHash(content, previous);
    const linked = { ...content, previousHash: previous, hash };

    previous = hash;

    return linked;
  });
}

const ballot = (sequence: number, answer: string): ChainedBallot => ({
  meetingId: 'm1',
  sequence,
  entryId: `e${sequence}`,
  channel: 'electronic',
  receivedAt: '2026-03-12T10:00:00.000Z',
  answers: { q1: [answer] },
});

describe('the ballot hash chain', () => {
  it('should verify an intact chain and report its head', () => {
    const ballots = chain([ballot(1, 'for'), ballot(2, 'against'), ballot(3, 'for')]);
    const check = verifyChain('m1', ballots);

    expect(check).toEqual({ ok: true, head: ballots[2]!.hash, length: 3 });
  });

  it('should break at a changed answer, and at a removed ballot', () => {
    const ballots = chain([ballot(1, 'for'), ballot(2, 'against'), ballot(3, 'for')]);
    const changed = ballots.map((b) => (b.sequence === 2 ? { ...b, answers: { q1: ['for'] } } : b));

    expect(verifyChain('m1', changed)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChain('m1', [ballots[0]!, ballots[2]!])).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('should not depend on the order of keys in the answers', () => {
    const a = ballotHash({ ...ballot(1, 'for'), answers: { q1: ['for'], q2: ['against'] } }, 'x');
    const b = ballotHash({ ...ballot(1, 'for'), answers: { q2: ['against'], q1: ['for'] } }, 'x');

    expect(a).toBe(b);
  });
});
