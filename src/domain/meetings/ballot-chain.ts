import { canonicalJson, sha256Hex } from '../audit/canonical.js';

/**
 * The ballots of a meeting form a hash chain: each ballot's hash covers its content and the hash
 * of the ballot before it, so changing, removing or reordering any ballot breaks every later
 * hash. The voter keeps their ballot's hash as a receipt; the protocol prints the chain's head.
 */

export type ChainedBallot = {
  meetingId: string;
  sequence: number;
  entryId: string;
  channel: 'electronic' | 'paper';
  receivedAt: string;
  answers: Record<string, string[]>;
};

/** The hash of the meeting's empty chain: nothing before the first ballot but the meeting. */
export function genesisHash(meetingId: string): string {
  return sha256Hex(canonicalJson({ meeting: meetingId, genesis: true }));
}

export function ballotHash(ballot: ChainedBallot, previousHash: string): string {
  return sha256Hex(canonicalJson({ ...ballot, previousHash }));
}

export type ChainCheck =
  { ok: true; head: string; length: number } | { ok: false; brokenAt: number; head: string };

/** Recomputes the chain from the first ballot, in sequence order, against the stored hashes. */
export function verifyChain(
  meetingId: string,
  ballots: (ChainedBallot & { hash: string; previousHash: string })[],
): ChainCheck {
  let previous = genesisHash(meetingId);
  const ordered = [...ballots].sort((a, b) => a.sequence - b.sequence);

  for (const [index, ballot] of ordered.entries()) {
    const { hash, previousHash, ...content } = ballot;

    if (
      ballot.sequence !== index + 1 ||
      previousHash !== previous ||
      ballotHash(content, previous) !== hash
    ) {
      return { ok: false, brokenAt: ballot.sequence, head: previous };
    }

    previous = hash;
  }

  return { ok: true, head: previous, length: ordered.length };
}
