import os from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/server/config.js';
import { createJobQueue } from '../../src/server/platform/jobs/job-queue.js';
import type { Job, JobQueue } from '../../src/server/platform/jobs/job-types.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from '../support/database.js';
import { createServiceContext } from '../support/service-context.js';
import { waitFor } from '../support/wait-for.js';

declare module '../../src/server/platform/jobs/job-types.js' {
  interface JobPayloads {
    'test-echo': { text: string };
    'test-always-fails': { label: string };
    'test-stately': { n: number };
    'test-scheduled': Record<string, never>;
  }
}

describe('job queue', () => {
  let ctx: Awaited<ReturnType<typeof createServiceContext>>;
  let queue: JobQueue;

  beforeAll(async () => {
    ctx = await createServiceContext();
    queue = createJobQueue(ctx);
    await queue.start();
  });

  afterAll(async () => {
    await queue.stop();
    await ctx.close();
  });

  it('should install its schema on start', async () => {
    const [schema] = await ctx.db.query<{ version: number }>('SELECT version FROM pgboss.version');

    expect(schema!.version).toBeGreaterThan(0);
  });

  it('should run a queued job with its typed payload and mark it completed', async () => {
    const received: Job<'test-echo'>[] = [];

    await queue.work('test-echo', async (job) => {
      received.push(job);
    });

    const id = await queue.send('test-echo', { text: 'Привет, очередь' });

    await waitFor(() => received.length === 1, { what: 'the echo job' });

    const record = await waitFor(
      async () => {
        const job = await queue.getJob('test-echo', id!);

        return job?.state === 'completed' ? job : null;
      },
      { what: 'completion' },
    );

    expect(received[0]).toEqual({
      id,
      name: 'test-echo',
      data: { text: 'Привет, очередь' },
      retryCount: 0,
    });
    expect(record.data).toEqual({ text: 'Привет, очередь' });
  });

  it('should retry a failing job up to its limit, then mark it failed with the error', async () => {
    const attempts: number[] = [];

    // Retries are found by polling (only fresh sends wake a worker), so poll often here.
    await queue.work(
      'test-always-fails',
      async (job) => {
        attempts.push(job.retryCount);
        throw new Error(`cannot process ${job.data.label}`);
      },
      { pollingIntervalSeconds: 0.5 },
    );

    const id = await queue.send(
      'test-always-fails',
      { label: 'квитанция' },
      { retryLimit: 2, retryDelaySeconds: 0 },
    );
    const record = await waitFor(
      async () => {
        const job = await queue.getJob('test-always-fails', id!);

        return job?.state === 'failed' ? job : null;
      },
      { what: 'the job to fail for good' },
    );

    expect(attempts).toEqual([0, 1, 2]);
    expect(record.retryCount).toBe(2);
    expect(record.output).toMatchObject({ message: 'cannot process квитанция' });
  });

  it('should drop a duplicate on a stately queue while one is waiting', async () => {
    await queue.defineQueue('test-stately', { policy: 'stately' });

    const first = await queue.send('test-stately', { n: 1 });
    const second = await queue.send('test-stately', { n: 2 });

    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
  });

  it('should record a cron schedule', async () => {
    await queue.schedule('test-scheduled', '*/5 * * * *', {});

    const rows = await ctx.db.query<{ cron: string; timezone: string }>(
      `SELECT cron, timezone FROM pgboss.schedule WHERE name = 'test-scheduled'`,
    );

    expect(rows).toEqual([{ cron: '*/5 * * * *', timezone: 'UTC' }]);
  });
});

describe('job queue lifecycle', () => {
  it('should stop promptly, release its timers and leave the database usable', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
    const ctx = { config, db: await createTestDatabase(), logger: createLogger(config) };
    const timersBefore = countTimers();
    const queue = createJobQueue(ctx);

    await queue.start();
    await queue.work('test-echo', async () => undefined);

    expect(countTimers()).toBeGreaterThan(timersBefore); // the check below can fail

    const stopping = performance.now();

    await queue.stop();

    const stopMs = performance.now() - stopping;

    // pg-boss retires stopped workers on a one-second tick; after that nothing of it remains.
    await waitFor(() => countTimers() <= timersBefore, { timeoutMs: 3000, what: 'timers to end' });

    // Not a speed goal: with nothing running, stop must not sit out its 10 s graceful timeout.
    expect(stopMs).toBeLessThan(5000);
    expect(await ctx.db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await queue.stop(); // a second stop is harmless
    await ctx.db.close();
  });
});

function countTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}
