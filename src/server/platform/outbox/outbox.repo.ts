import type { Queryable } from '../db/database.js';
import type { Channel, MessageStatus, OutboxMessage } from './outbox.schema.js';

const COLUMNS = `
  id, seq, channel, recipient, subject, body, status, attempts, last_error AS "lastError", metadata,
  created_at AS "createdAt", sent_at AS "sentAt", next_attempt_at AS "nextAttemptAt"`;

export async function insertMessage(
  db: Queryable,
  message: {
    channel: Channel;
    recipient: string;
    subject: string | null;
    body: string;
    metadata: Record<string, unknown> | null;
  },
): Promise<OutboxMessage> {
  const [row] = await db.query<OutboxMessage>(
    `INSERT INTO outbox_messages (channel, recipient, subject, body, metadata)
     VALUES ($1, $2, $3, $4, $5::jsonb)
     RETURNING ${COLUMNS}`,
    [
      message.channel,
      message.recipient,
      message.subject,
      message.body,
      message.metadata === null ? null : JSON.stringify(message.metadata),
    ],
  );

  return row!;
}

export type MessageFilter = {
  channel?: Channel | undefined;
  recipient?: string | undefined;
  status?: MessageStatus | undefined;
};

export async function selectMessages(
  db: Queryable,
  filter: MessageFilter,
  page: { limit: number; offset: number },
): Promise<{ items: OutboxMessage[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];

  if (filter.channel) {
    params.push(filter.channel);
    conditions.push(`channel = $${params.length}`);
  }

  if (filter.recipient) {
    params.push(filter.recipient);
    conditions.push(`lower(recipient) = lower($${params.length})`);
  }

  if (filter.status) {
    params.push(filter.status);
    conditions.push(`status = $${params.length}`);
  }

  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_messages ${where}`,
    params,
  );
  const items = await db.query<OutboxMessage>(
    `SELECT ${COLUMNS} FROM outbox_messages ${where}
     ORDER BY seq DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );

  return { items, total: count?.n ?? 0 };
}

/**
 * Takes up to `limit` due messages for one worker: counts the attempt and pushes the next attempt
 * `leaseSeconds` ahead, so other workers skip them, and a worker that dies mid-send only delays
 * them. SKIP LOCKED keeps concurrent workers from waiting on each other.
 */
export async function claimDueMessages(
  db: Queryable,
  limit: number,
  leaseSeconds: number,
): Promise<OutboxMessage[]> {
  const rows = await db.query<OutboxMessage>(
    `UPDATE outbox_messages AS m
     SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
     FROM (
       SELECT id AS due_id FROM outbox_messages
       WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at, seq
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     ) AS due
     WHERE m.id = due.due_id
     RETURNING ${COLUMNS}`,
    [limit, leaseSeconds],
  );

  return rows.sort((a, b) => a.seq - b.seq);
}

export async function markSent(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE outbox_messages SET status = 'sent', sent_at = now(), last_error = NULL
     WHERE id = $1 AND status = 'pending'`,
    [id],
  );
}

/** Records a failed attempt: back to pending after `retryInSeconds`, or failed for good. */
export async function markAttemptFailed(
  db: Queryable,
  id: string,
  failure: { error: string; giveUp: boolean; retryInSeconds: number },
): Promise<void> {
  await db.query(
    `UPDATE outbox_messages
     SET last_error = $2,
         status = CASE WHEN $3::boolean THEN 'failed' ELSE 'pending' END,
         next_attempt_at = now() + make_interval(secs => $4)
     WHERE id = $1 AND status = 'pending'`,
    [id, failure.error, failure.giveUp, failure.retryInSeconds],
  );
}
