import PgBoss from 'pg-boss';

import type { AppContext } from '../context.js';
import { createPgliteBossDb } from './pglite-boss-db.js';
import type {
  Job,
  JobQueue,
  JobRecord,
  QueueOptions,
  RetryPolicy,
  SendOptions,
} from './job-types.js';

export type JobQueueOptions = {
  /**
   * Run maintenance (expiring, archiving) and the cron clock in this process. On by default
   * where the config runs a worker; API-only nodes can send jobs without it.
   */
  background?: boolean;
  /** How long `stop()` waits for running jobs before failing them, in ms. */
  stopTimeoutMs?: number;
};

// Jobs live in their own schema, away from the platform's tables and migrations.
const SCHEMA = 'pgboss';

/**
 * The job queue on the platform's database: pg-boss opens its own small pool on PostgreSQL and
 * shares the embedded client (through a serialising adapter) on PGlite.
 */
export function createJobQueue(
  ctx: Pick<AppContext, 'db' | 'logger' | 'config'>,
  options: JobQueueOptions = {},
): JobQueue {
  const logger = ctx.logger.child({ module: 'jobs' });
  const background = options.background ?? ctx.config.worker;
  const embedded = ctx.db.pglite ? createPgliteBossDb(ctx.db.pglite) : null;

  if (!embedded && !ctx.db.connectionString) {
    throw new Error('the job queue needs a PGlite client or a PostgreSQL connection string');
  }

  const connection: PgBoss.DatabaseOptions = embedded
    ? // The adapter answers `undefined` once closed, as pg-boss's own closed pool does.
      { db: embedded as PgBoss.Db }
    : { connectionString: ctx.db.connectionString, max: 4 };
  const boss = new PgBoss({
    ...connection,
    schema: SCHEMA,
    application_name: 'mpdom-jobs',
    supervise: background,
    schedule: background,
  });

  const queues = new Map<string, Promise<void>>();
  const localWorkers = new Map<string, string[]>();
  let state: 'idle' | 'running' | 'stopped' = 'idle';

  boss.on('error', (error) => {
    // A timer that fires while stopping may find the database gone; that is not news.
    if (state === 'running') {
      logger.error({ err: error }, 'job queue error');
    }
  });

  function ensureQueue(name: string): Promise<void> {
    let created = queues.get(name);

    if (!created) {
      created = boss.createQueue(name);
      queues.set(name, created);
      created.catch(() => queues.delete(name));
    }

    return created;
  }

  return {
    async start() {
      if (state === 'running') {
        return;
      }

      const started = performance.now();

      await boss.start();
      state = 'running';
      logger.info(
        { database: ctx.db.kind, background, ms: Math.round(performance.now() - started) },
        'job queue started',
      );
    },

    async stop() {
      if (state !== 'running') {
        return;
      }

      state = 'stopped';
      await boss.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs ?? 10_000 });
      await embedded?.close();
    },

    async defineQueue(name, queueOptions = {}) {
      await ensureQueue(name);

      if (Object.keys(queueOptions).length > 0) {
        await boss.updateQueue(name, { name, ...toBossQueue(queueOptions) });
      }
    },

    async send(name, data, sendOptions = {}) {
      await ensureQueue(name);

      const id = await boss.send(name, data as object, toBossSend(sendOptions));

      // A worker in this process picks the job up now instead of at its next poll.
      if (id && sendOptions.startAfter === undefined) {
        for (const workerId of localWorkers.get(name) ?? []) {
          boss.notifyWorker(workerId);
        }
      }

      return id;
    },

    async work(name, handler, workOptions = {}) {
      await ensureQueue(name);

      const workerId = await boss.work<object>(
        name,
        { includeMetadata: true, batchSize: 1, ...workOptions },
        async ([job]) => {
          if (!job) {
            return;
          }

          try {
            await handler({
              id: job.id,
              name,
              data: job.data as Job<typeof name>['data'],
              retryCount: job.retryCount,
            });
          } catch (error) {
            logger.warn(
              { err: error, job: name, jobId: job.id, retry: job.retryCount },
              'job failed',
            );
            throw error;
          }
        },
      );

      localWorkers.set(name, [...(localWorkers.get(name) ?? []), workerId]);

      return workerId;
    },

    async schedule(name, cron, data, { tz, ...sendOptions } = {}) {
      await ensureQueue(name);
      await boss.schedule(name, cron, data, {
        ...toBossSend(sendOptions),
        tz: tz ?? 'UTC',
      });
    },

    async getJob(name, id) {
      const job = await boss.getJobById<unknown>(name, id, { includeArchive: true });

      if (!job) {
        return null;
      }

      const record: JobRecord = {
        id: job.id,
        name: job.name,
        state: job.state,
        data: job.data,
        retryCount: job.retryCount,
        output: job.output ?? null,
      };

      return record;
    },
  };
}

function toBossRetry(policy: RetryPolicy): PgBoss.RetryOptions {
  return {
    ...(policy.retryLimit !== undefined ? { retryLimit: policy.retryLimit } : {}),
    ...(policy.retryDelaySeconds !== undefined ? { retryDelay: policy.retryDelaySeconds } : {}),
    ...(policy.retryBackoff !== undefined ? { retryBackoff: policy.retryBackoff } : {}),
  };
}

function toBossSend(options: SendOptions): PgBoss.SendOptions {
  return {
    ...toBossRetry(options),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
  };
}

function toBossQueue(options: QueueOptions): Omit<PgBoss.Queue, 'name'> {
  return {
    ...toBossRetry(options),
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.retentionMinutes !== undefined
      ? { retentionMinutes: options.retentionMinutes }
      : {}),
  };
}
