import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Messages to people (e-mail, SMS, in-app). Written in the same transaction as the change that
 * causes them, delivered later by a worker, so a crash never loses or duplicates a notice.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * Insertion order. Timestamps tie (PGlite's clock ticks in milliseconds), so "newest first"
     * and "oldest due first" are decided by this counter.
     */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** email | sms | in_app */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * When a worker may next try a pending message: now for a new one, later after a failure
     * (backoff) and while one worker holds it (a lease that lapses if that worker dies).
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('outbox_status_idx').on(table.status, table.createdAt),
    index('outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('outbox_seq_idx').on(table.seq),
    index('outbox_recipient_idx').on(sql`lower(${table.recipient})`),
  ],
);
