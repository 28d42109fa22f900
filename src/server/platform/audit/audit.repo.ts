import type { ChainedEntry } from '../../../domain/audit/chain.js';
import type { Change } from '../../../domain/audit/changes.js';
import type { Queryable } from '../db/database.js';

export type ChainHead = { seq: number; hash: string };

export type AuditRow = ChainedEntry & { actorName: string | null };

export type AuditFilter = {
  actorUserId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  /** Only entries whose actor works in one of these organisations. */
  actorOrganisationIds?: string[];
};

const ENTRY_COLUMNS = `e.seq, e.id, e.at, e.actor_user_id AS "actorUserId",
  e.on_behalf_of_person_id AS "onBehalfOfPersonId", e.action, e.object_type AS "objectType",
  e.object_id AS "objectId", e.request_id AS "requestId", e.before_digest AS "beforeDigest",
  e.after_digest AS "afterDigest", e.redacted_changes AS "redactedChanges",
  e.personal_data_access AS "personalDataAccess", e.prev_hash AS "prevHash", e.hash`;

/** Locks the chain head for the rest of the transaction: appends queue up behind it. */
export async function lockChainHead(tx: Queryable): Promise<ChainHead | undefined> {
  const [head] = await tx.query<ChainHead>(
    'SELECT last_seq AS seq, last_hash AS hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );

  return head;
}

export async function readChainHead(db: Queryable): Promise<ChainHead | undefined> {
  const [head] = await db.query<ChainHead>(
    'SELECT last_seq AS seq, last_hash AS hash FROM audit_chain_head WHERE id = 1',
  );

  return head;
}

export async function appendEntry(tx: Queryable, entry: ChainedEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entries (seq, id, at, actor_user_id, on_behalf_of_person_id, action,
       object_type, object_id, request_id, before_digest, after_digest, redacted_changes,
       personal_data_access, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      entry.seq,
      entry.id,
      entry.at.toISOString(),
      entry.actorUserId,
      entry.onBehalfOfPersonId,
      entry.action,
      entry.objectType,
      entry.objectId,
      entry.requestId,
      entry.beforeDigest,
      entry.afterDigest,
      JSON.stringify(entry.redactedChanges),
      entry.personalDataAccess,
      entry.prevHash,
      entry.hash,
    ],
  );
  await tx.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [
    entry.seq,
    entry.hash,
  ]);
}

/**
 * Entries after `afterSeq` up to `untilSeq` in chain order, for the verifier's batches (keyset
 * paging: no offset to slow down on a long journal).
 */
export async function readChainBatch(
  db: Queryable,
  range: { afterSeq: number; untilSeq: number },
  limit: number,
): Promise<ChainedEntry[]> {
  const rows = await db.query<ChainedEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM audit_entries e WHERE e.seq > $1 AND e.seq <= $2
     ORDER BY e.seq LIMIT $3`,
    [range.afterSeq, range.untilSeq, limit],
  );

  return rows.map(normalise);
}

function whereOf(filter: AuditFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };

  if (filter.actorUserId) {
    add((p) => `e.actor_user_id = ${p}`, filter.actorUserId);
  }

  if (filter.action) {
    add((p) => `e.action = ${p}`, filter.action);
  }

  if (filter.objectType) {
    add((p) => `e.object_type = ${p}`, filter.objectType);
  }

  if (filter.objectId) {
    add((p) => `e.object_id = ${p}`, filter.objectId);
  }

  if (filter.from) {
    add((p) => `e.at >= ${p}`, filter.from.toISOString());
  }

  if (filter.to) {
    add((p) => `e.at < ${p}`, filter.to.toISOString());
  }

  if (filter.actorOrganisationIds) {
    add(
      (p) => `e.actor_user_id IN (SELECT m.user_id FROM memberships m
        WHERE m.organisation_id = ANY(${p}::uuid[]))`,
      filter.actorOrganisationIds,
    );
  }

  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export async function findEntries(
  db: Queryable,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(filter);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_entries e ${where.sql}`,
    where.params,
  );
  const rows = await db.query<AuditRow>(
    `SELECT ${ENTRY_COLUMNS},
       NULLIF(concat_ws(' ', p.surname, p.name, p.patronymic), '') AS "actorName"
     FROM audit_entries e
     LEFT JOIN users u ON u.id = e.actor_user_id
     LEFT JOIN persons p ON p.id = u.person_id
     ${where.sql}
     ORDER BY e.seq DESC
     LIMIT $${where.params.length + 1} OFFSET $${where.params.length + 2}`,
    [...where.params, page.limit, page.offset],
  );

  return { rows: rows.map(normalise), total: count?.n ?? 0 };
}

// Both drivers hand back Date for timestamptz and parsed JSON for jsonb; the seq is a number by
// the INT8 parser in database.ts. This only guards the types the hash depends on.
function normalise<Row extends ChainedEntry>(row: Row): Row {
  return {
    ...row,
    seq: Number(row.seq),
    at: row.at instanceof Date ? row.at : new Date(row.at),
    redactedChanges: (typeof row.redactedChanges === 'string'
      ? JSON.parse(row.redactedChanges)
      : row.redactedChanges) as Change[],
  };
}
