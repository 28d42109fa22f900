import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  claimDueMessages,
  insertMessage,
  markAttemptFailed,
  markSent,
  selectMessages,
} from './outbox.repo.js';
import {
  ListMessagesQuerySchema,
  NewMessageSchema,
  type ListMessagesQuery,
  type NewMessage,
  type OutboxMessage,
} from './outbox.schema.js';
import type { Transports } from './outbox.transports.js';

/**
 * Puts a message in the outbox. Pass the caller's transaction: the message then exists exactly
 * when the change that caused it was committed, and a rollback leaves no message behind.
 */
export async function enqueueMessage(db: Queryable, message: NewMessage): Promise<OutboxMessage> {
  const parsed = NewMessageSchema.safeParse(message);

  if (!parsed.success) {
    throw new AppError('validation_failed', {
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'message',
        rule: issue.code,
        message: issue.message,
      })),
    });
  }

  const { channel, recipient, subject, body, metadata } = parsed.data;

  return insertMessage(db, {
    channel,
    recipient,
    subject: subject ?? null,
    body,
    metadata: metadata ?? null,
  });
}

/** The latest messages first, filtered; for operators, the demo outbox and tests. */
export async function listMessages(db: Queryable, query: ListMessagesQuery = {}) {
  const { page, limit, ...filter } = ListMessagesQuerySchema.parse(query);
  const { items, total } = await selectMessages(db, filter, { limit, offset: (page - 1) * limit });

  return { items, total, page, limit };
}

export type DeliveryOptions = {
  /** Messages claimed per round. */
  batchSize?: number;
  /** Rounds per call, so one call cannot run forever while new messages keep arriving. */
  maxBatches?: number;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** Wait after the first failure; it doubles with each further failure. */
  retryBaseSeconds?: number;
  retryMaxSeconds?: number;
  /** How long a claimed message stays reserved for the worker sending it. */
  leaseSeconds?: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

const DEFAULTS: Required<DeliveryOptions> = {
  batchSize: 20,
  maxBatches: 10,
  maxAttempts: 5,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  leaseSeconds: 300,
};

/**
 * Sends every due pending message through the transport of its channel. A success marks it sent;
 * a failure records the error and schedules a retry with exponential backoff (30 s, 1 min,
 * 2 min, …), and after `maxAttempts` marks the message failed. Safe to run on several workers
 * at once: each message is claimed by one of them.
 */
export async function deliverPending(
  ctx: { db: Queryable; logger?: Logger },
  transports: Transports,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const settings = { ...DEFAULTS, ...options };
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };

  for (let batch = 0; batch < settings.maxBatches; batch += 1) {
    const messages = await claimDueMessages(ctx.db, settings.batchSize, settings.leaseSeconds);

    for (const message of messages) {
      const outcome = await deliverOne(ctx, transports, message, settings);

      report[outcome] += 1;
    }

    if (messages.length < settings.batchSize) {
      break;
    }
  }

  return report;
}

async function deliverOne(
  ctx: { db: Queryable; logger?: Logger },
  transports: Transports,
  message: OutboxMessage,
  settings: Required<DeliveryOptions>,
): Promise<keyof DeliveryReport> {
  const transport = transports[message.channel];

  try {
    if (!transport) {
      throw new Error(`no transport configured for channel ${message.channel}`);
    }

    await transport.send(message);
    await markSent(ctx.db, message.id);

    return 'sent';
  } catch (error) {
    const giveUp = message.attempts >= settings.maxAttempts;
    const retryInSeconds = giveUp ? 0 : backoffSeconds(message.attempts, settings);
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 2000);

    await markAttemptFailed(ctx.db, message.id, { error: text, giveUp, retryInSeconds });
    ctx.logger?.warn(
      { messageId: message.id, channel: message.channel, attempts: message.attempts, giveUp },
      'outbox delivery failed',
    );

    return giveUp ? 'failed' : 'retrying';
  }
}

/** Seconds to wait after the `attempts`-th failure: base, 2×base, 4×base, … up to the cap. */
export function backoffSeconds(
  attempts: number,
  settings: Pick<Required<DeliveryOptions>, 'retryBaseSeconds' | 'retryMaxSeconds'> = DEFAULTS,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);

  return Math.min(settings.retryBaseSeconds * 2 ** exponent, settings.retryMaxSeconds);
}
