import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createJobQueue } from '../../src/server/platform/jobs/job-queue.js';
import type { JobQueue } from '../../src/server/platform/jobs/job-types.js';
import {
  registerOutboxJobs,
  requestOutboxDelivery,
} from '../../src/server/platform/outbox/outbox.jobs.js';
import { enqueueMessage, listMessages } from '../../src/server/platform/outbox/outbox.service.js';
import { createTransports } from '../../src/server/platform/outbox/outbox.transports.js';
import { createServiceContext } from '../support/service-context.js';
import { waitFor } from '../support/wait-for.js';

describe('outbox delivery on the job queue', () => {
  let ctx: Awaited<ReturnType<typeof createServiceContext>>;
  let queue: JobQueue;

  beforeAll(async () => {
    ctx = await createServiceContext();
    queue = createJobQueue(ctx);
    await queue.start();
    await registerOutboxJobs(queue, ctx, createTransports(ctx.config));
  });

  afterAll(async () => {
    await queue.stop();
    await ctx.close();
  });

  it('should deliver a committed message soon after delivery is requested', async () => {
    const message = await ctx.db.transaction((tx) =>
      enqueueMessage(tx, { channel: 'sms', recipient: '+79001234567', body: 'МП-дом: код 555111' }),
    );

    await requestOutboxDelivery(queue);

    const sent = await waitFor(
      async () => {
        const { items } = await listMessages(ctx.db, { status: 'sent' });

        return items.find((item) => item.id === message.id);
      },
      { what: 'the worker to send the message' },
    );
    const files = fs.readdirSync(ctx.config.outboxDir);

    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(files).toEqual([expect.stringContaining(message.id)]);
  });

  it('should keep at most one delivery waiting however often it is requested', async () => {
    // Deduplication itself is pg-boss's `stately` policy, exercised in jobs.test.ts.
    const [row] = await ctx.db.query<{ policy: string; retryLimit: number }>(
      `SELECT policy, retry_limit AS "retryLimit" FROM pgboss.queue WHERE name = 'outbox-deliver'`,
    );

    expect(row).toEqual({ policy: 'stately', retryLimit: 0 });
  });

  it('should sweep every minute by cron', async () => {
    const rows = await ctx.db.query<{ cron: string }>(
      `SELECT cron FROM pgboss.schedule WHERE name = 'outbox-deliver'`,
    );

    expect(rows).toEqual([{ cron: '* * * * *' }]);
  });
});
