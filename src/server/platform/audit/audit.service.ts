import { randomUUID } from 'node:crypto';

import type { FastifyRequest } from 'fastify';

import { auditScope, mayVerifyChain } from '../../../domain/audit/access.js';
import { ChainVerifier, hashEntry, type ChainedFields } from '../../../domain/audit/chain.js';
import { redactedChanges } from '../../../domain/audit/changes.js';
import { digestOf } from '../../../domain/audit/canonical.js';
import type { Queryable } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { AppError } from '../errors.js';
import type { SignedInUser } from '../http/auth-types.js';
import { offsetOf } from '../http/pagination.js';
import { presentAuditEntry } from './audit.presenter.js';
import {
  appendEntry,
  findEntries,
  lockChainHead,
  readChainBatch,
  readChainHead,
} from './audit.repo.js';
import type { AuditEntry, AuditListQuery } from './audit.schema.js';

export type AuditEntryInput = {
  actorUserId: string | null;
  onBehalfOfPersonId?: string | null;
  /** `<object>.<verb>`, e.g. 'user.registered', 'otp.counters_reset'. */
  action: string;
  objectType: string;
  objectId: string | null;
  requestId?: string | null;
  /** The object before and after the change, whole: digested in full, stored redacted. */
  before?: unknown;
  after?: unknown;
  /** Set when someone read another person's personal data. */
  personalDataAccess?: boolean;
};

export type ChainVerification = {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  reason: string | null;
};

const VERIFY_BATCH = 1000;

/**
 * Appends one entry to the journal. Call it with the transaction that makes the change: the
 * entry then commits or rolls back with it. Given the database itself, it opens its own
 * transaction, because the chain-head lock only serialises appends inside one.
 *
 * The head stays locked until the transaction ends and other appends wait for it, so make this
 * the transaction's last step, after the slow work.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntryInput): Promise<void> {
  await inTransaction(tx, (inner) => append(inner, entry));
}

async function append(tx: Queryable, entry: AuditEntryInput): Promise<void> {
  const head = await lockChainHead(tx);

  if (!head) {
    throw new Error('the audit chain head is missing: the journal migration has not run');
  }

  // The time is taken under the lock, so it never goes back along the chain.
  const fields: ChainedFields = {
    seq: head.seq + 1,
    id: randomUUID(),
    at: new Date(),
    actorUserId: entry.actorUserId,
    onBehalfOfPersonId: entry.onBehalfOfPersonId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    requestId: entry.requestId ?? null,
    beforeDigest: digestOf(entry.before),
    afterDigest: digestOf(entry.after),
    redactedChanges: redactedChanges(entry.before, entry.after, entry.objectType),
    personalDataAccess: entry.personalDataAccess ?? false,
    prevHash: head.hash,
  };

  await appendEntry(tx, { ...fields, hash: hashEntry(fields) });
}

/** Who acts and under which request id, for `recordAudit({...auditFromRequest(request), ...})`. */
export function auditFromRequest(request: FastifyRequest): {
  actorUserId: string | null;
  requestId: string;
} {
  return { actorUserId: request.user?.id ?? null, requestId: request.id };
}

/**
 * Walks the whole chain in seq order, in batches, and reports the first broken link: a changed
 * entry (hash mismatch), a relinked one (prev_hash mismatch) or a missing one (gap in seq).
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerification> {
  // The head is read first: entries appended while the check runs lie beyond it and are left
  // for the next check, instead of looking like a mismatch at the end.
  const head = await readChainHead(db);

  if (!head) {
    return failed(0, { seq: 0, message: 'the chain head row is missing' });
  }

  const verifier = new ChainVerifier();
  let afterSeq = 0;

  for (;;) {
    const batch = await readChainBatch(db, { afterSeq, untilSeq: head.seq }, VERIFY_BATCH);

    for (const entry of batch) {
      const broken = verifier.check(entry);

      if (broken) {
        return failed(verifier.entries, broken);
      }
    }

    const last = batch[batch.length - 1];

    if (!last || batch.length < VERIFY_BATCH) {
      break;
    }

    afterSeq = last.seq;
  }

  const broken = verifier.checkHead(head);

  if (broken) {
    return failed(verifier.entries, broken);
  }

  return { ok: true, entries: verifier.entries, firstBrokenSeq: null, reason: null };
}

function failed(entries: number, broken: { seq: number; message: string }): ChainVerification {
  return { ok: false, entries, firstBrokenSeq: broken.seq, reason: broken.message };
}

/** The journal page a reader may see; the scope comes from domain/audit/access. */
export async function listAuditEntries(
  db: Queryable,
  user: SignedInUser | null,
  query: AuditListQuery,
): Promise<{ items: AuditEntry[]; total: number; page: number; limit: number }> {
  const scope = auditScope(user);

  if (scope.kind === 'none') {
    throw new AppError(user ? 'forbidden' : 'unauthenticated');
  }

  const { rows, total } = await findEntries(
    db,
    {
      actorUserId: query.actorUserId,
      action: query.action,
      objectType: query.objectType,
      objectId: query.objectId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      actorOrganisationIds: scope.kind === 'organisations' ? scope.organisationIds : undefined,
    },
    { limit: query.limit, offset: offsetOf(query) },
  );

  return { items: rows.map(presentAuditEntry), total, page: query.page, limit: query.limit };
}

/** The chain check over the API, for the authorities and the platform's admins. */
export async function verifyAuditChainFor(
  db: Queryable,
  user: SignedInUser | null,
): Promise<ChainVerification> {
  if (!mayVerifyChain(user)) {
    throw new AppError(user ? 'forbidden' : 'unauthenticated');
  }

  return verifyAuditChain(db);
}
