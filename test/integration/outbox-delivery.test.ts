import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { claimDueMessages } from '../../src/server/platform/outbox/outbox.repo.js';
import type { OutboxMessage } from '../../src/server/platform/outbox/outbox.schema.js';
import {
  backoffSeconds,
  deliverPending,
  enqueueMessage,
} from '../../src/server/platform/outbox/outbox.service.js';
import type { Transport } from '../../src/server/platform/outbox/outbox.transports.js';
import { createServiceContext } from '../support/service-context.js';

const CODE_EMAIL = {
  channel: 'email',
  recipient: 'ivan.petrov@example.ru',
  subject: 'Код подтверждения МП-дом',
  body: 'Ваш код: 482915',
} as const;

const CODE_SMS = { channel: 'sms', recipient: '+79001234567', body: 'МП-дом: код 731204' } as const;

describe('outbox delivery', () => {
  let ctx: Awaited<ReturnType<typeof createServiceContext>>;

  beforeAll(async () => {
    ctx = await createServiceContext();
  });

  beforeEach(async () => {
    await ctx.db.query('DELETE FROM outbox_messages');
  });

  afterAll(async () => {
    await ctx.close();
  });

  const statusOf = async (id: string) =>
    (
      await ctx.db.query<{ status: string; attempts: number; lastError: string | null }>(
        `SELECT status, attempts, last_error AS "lastError" FROM outbox_messages WHERE id = $1`,
        [id],
      )
    )[0]!;

  describe('when transports fail', () => {
    const failing = (text: string): Transport => ({
      async send() {
        throw new Error(text);
      },
    });

    it('should record the error and wait out the backoff before the next try', async () => {
      const message = await enqueueMessage(ctx.db, CODE_EMAIL);
      const report = await deliverPending(ctx, { email: failing('421 try again later') });
      const [row] = await ctx.db.query<{ waitSeconds: number }>(
        `SELECT extract(epoch FROM next_attempt_at - now())::float AS "waitSeconds"
         FROM outbox_messages WHERE id = $1`,
        [message.id],
      );
      const again = await deliverPending(ctx, { email: failing('not expected') });

      expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await statusOf(message.id)).toEqual({
        status: 'pending',
        attempts: 1,
        lastError: '421 try again later',
      });
      expect(row!.waitSeconds).toBeGreaterThan(25);
      expect(row!.waitSeconds).toBeLessThanOrEqual(30);
      expect(again).toEqual({ sent: 0, retrying: 0, failed: 0 });
    });

    it('should give up after maxAttempts and mark the message failed', async () => {
      const message = await enqueueMessage(ctx.db, CODE_SMS);
      const options = { maxAttempts: 3, retryBaseSeconds: 0 };
      const reports = [];

      for (let i = 0; i < 4; i += 1) {
        reports.push(await deliverPending(ctx, { sms: failing(`gateway down #${i}`) }, options));
      }

      expect(reports.map((r) => [r.retrying, r.failed])).toEqual([
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ]);
      expect(await statusOf(message.id)).toEqual({
        status: 'failed',
        attempts: 3,
        lastError: 'gateway down #2',
      });
    });

    it('should send on a later attempt and clear the error', async () => {
      const message = await enqueueMessage(ctx.db, CODE_SMS);
      let calls = 0;
      const flaky: Transport = {
        async send() {
          calls += 1;

          if (calls === 1) {
            throw new Error('timeout');
          }
        },
      };

      await deliverPending(ctx, { sms: flaky }, { retryBaseSeconds: 0 });
      await deliverPending(ctx, { sms: flaky }, { retryBaseSeconds: 0 });

      expect(await statusOf(message.id)).toEqual({ status: 'sent', attempts: 2, lastError: null });
    });

    it('should treat a channel without a transport as a failure to retry', async () => {
      const message = await enqueueMessage(ctx.db, CODE_SMS);

      await deliverPending(ctx, {});

      expect(await statusOf(message.id)).toMatchObject({
        status: 'pending',
        lastError: 'no transport configured for channel sms',
      });
    });

    it('should not hand a claimed message to a second worker until the lease lapses', async () => {
      const message = await enqueueMessage(ctx.db, CODE_SMS);
      const claimed = await claimDueMessages(ctx.db, 10, 300);
      const sent: string[] = [];
      const recording: Transport = {
        async send(m: OutboxMessage) {
          sent.push(m.id);
        },
      };

      expect(claimed.map((m) => m.id)).toEqual([message.id]);
      expect((await deliverPending(ctx, { sms: recording })).sent).toBe(0);

      // The first worker died: once its lease runs out, the message is due again.
      await ctx.db.query(
        `UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second' WHERE id = $1`,
        [message.id],
      );

      expect((await deliverPending(ctx, { sms: recording })).sent).toBe(1);
      expect(sent).toEqual([message.id]);
    });

    it('should let concurrent workers share the work without sending anything twice', async () => {
      for (let i = 0; i < 30; i += 1) {
        await enqueueMessage(ctx.db, { ...CODE_SMS, body: `код ${i}` });
      }

      const sent: string[] = [];
      const slow: Transport = {
        async send(m: OutboxMessage) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          sent.push(m.id);
        },
      };
      const reports = await Promise.all(
        [1, 2, 3].map(() => deliverPending(ctx, { sms: slow }, { batchSize: 5 })),
      );

      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
      expect(new Set(sent).size).toBe(30);
      expect(sent).toHaveLength(30);
    });
  });
});

describe(backoffSeconds.name, () => {
  it('should double from the base and stop at the cap', () => {
    expect([1, 2, 3, 4, 5, 8, 50].map((attempts) => backoffSeconds(attempts))).toEqual([
      30, 60, 120, 240, 480, 3600, 3600,
    ]);
  });
});
