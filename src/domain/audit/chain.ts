import { canonicalJson, sha256Hex } from './canonical.js';
import type { Change } from './changes.js';

/** The `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry's hash covers: every stored column except the hash itself. */
export type ChainedFields = {
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  onBehalfOfPersonId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  redactedChanges: Change[];
  personalDataAccess: boolean;
  prevHash: string;
};

export type ChainedEntry = ChainedFields & { hash: string };

export type ChainBreak = {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'head_mismatch';
  message: string;
};

/** SHA-256 of the canonical JSON of the entry's fields, the previous hash among them. */
export function hashEntry(fields: ChainedFields): string {
  // Picked one by one: extra properties a row may carry (the hash, a joined name) never count.
  const hashed: Record<keyof ChainedFields, unknown> = {
    seq: fields.seq,
    id: fields.id,
    at: fields.at.toISOString(),
    actorUserId: fields.actorUserId,
    onBehalfOfPersonId: fields.onBehalfOfPersonId,
    action: fields.action,
    objectType: fields.objectType,
    objectId: fields.objectId,
    requestId: fields.requestId,
    beforeDigest: fields.beforeDigest,
    afterDigest: fields.afterDigest,
    redactedChanges: fields.redactedChanges,
    personalDataAccess: fields.personalDataAccess,
    prevHash: fields.prevHash,
  };

  return sha256Hex(canonicalJson(hashed));
}

/**
 * Checks a chain fed in seq order, one entry at a time, so a journal of any length is verified
 * in batches without holding it in memory. Stops at the first broken link.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  private checked = 0;

  /** The first break found in `entry`, or null when it links correctly. */
  check(entry: ChainedEntry): ChainBreak | null {
    if (entry.seq !== this.expectedSeq) {
      const missing =
        entry.seq > this.expectedSeq
          ? `entries ${this.expectedSeq}–${entry.seq - 1} are missing`
          : `seq ${entry.seq} repeats or goes back`;

      return { seq: entry.seq, reason: 'seq_gap', message: `gap in seq: ${missing}` };
    }

    if (entry.prevHash !== this.expectedPrev) {
      return {
        seq: entry.seq,
        reason: 'prev_hash_mismatch',
        message: `prev_hash does not match the hash of entry ${entry.seq - 1}`,
      };
    }

    if (hashEntry(entry) !== entry.hash) {
      return {
        seq: entry.seq,
        reason: 'hash_mismatch',
        message: 'the stored hash does not match the entry: its content was changed',
      };
    }

    this.expectedSeq = entry.seq + 1;
    this.expectedPrev = entry.hash;
    this.checked += 1;

    return null;
  }

  /**
   * Compares the end of the chain with the recorded head, which catches entries cut off the
   * end: without it, deleting the newest entries would leave a shorter chain that still links.
   */
  checkHead(head: { seq: number; hash: string }): ChainBreak | null {
    const last = this.expectedSeq - 1;

    if (head.seq > last) {
      return {
        seq: last + 1,
        reason: 'seq_gap',
        message: `gap in seq: entries ${last + 1}–${head.seq} are missing at the end`,
      };
    }

    if (head.seq < last || (last > 0 && head.hash !== this.expectedPrev)) {
      return {
        seq: last,
        reason: 'head_mismatch',
        message: 'the chain head does not match the last entry',
      };
    }

    return null;
  }

  get entries(): number {
    return this.checked;
  }
}

/** Verifies a whole list (small journals, tests); the database streams through ChainVerifier. */
export function verifyChain(entries: ChainedEntry[]): { ok: boolean; break: ChainBreak | null } {
  const verifier = new ChainVerifier();

  for (const entry of entries) {
    const found = verifier.check(entry);

    if (found) {
      return { ok: false, break: found };
    }
  }

  return { ok: true, break: null };
}
