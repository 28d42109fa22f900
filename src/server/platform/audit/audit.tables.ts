import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The audit journal: append-only (triggers refuse UPDATE, DELETE and TRUNCATE; see
 * docs/security/audit-journal.md for the production grant) and hash-chained in `seq` order.
 * No foreign keys on purpose: the journal outlives the rows it talks about.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    /**
     * The chain order. Assigned by the append under the chain-head lock rather than by a
     * sequence: a sequence value burnt by a rolled-back transaction would leave a gap that the
     * verifier could not tell from a deleted entry.
     */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    onBehalfOfPersonId: uuid('on_behalf_of_person_id'),
    /** What happened, `<object>.<verb>`: 'session.started', 'otp.counters_reset'. */
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    requestId: text('request_id'),
    /** SHA-256 of the canonical JSON of the full before/after values, personal data included. */
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    /** The fields that changed; personal values replaced by a marker (domain/audit/changes). */
    redactedChanges: jsonb('redacted_changes').notNull().default([]),
    /** The entry records someone reading another person's personal data. */
    personalDataAccess: boolean('personal_data_access').notNull().default(false),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_entries_actor_idx').on(table.actorUserId, table.seq),
    index('audit_entries_object_idx').on(table.objectType, table.objectId),
    index('audit_entries_action_idx').on(table.action),
    index('audit_entries_at_idx').on(table.at),
  ],
);

/**
 * The newest link of the chain, one row. Appends lock it (SELECT … FOR UPDATE) so they line up
 * one after another, and the verifier compares it with the last entry to catch a cut-off tail.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey().default(1),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    lastHash: text('last_hash').notNull(),
  },
  (table) => [check('audit_chain_head_single_row', sql`${table.id} = 1`)],
);
