/**
 * Every background job of the platform and the payload it carries. A module adds its jobs here,
 * one line each, or from its own file by augmenting the interface:
 *
 *   declare module '../../platform/jobs/job-types.js' {
 *     interface JobPayloads { 'billing-run': { periodId: string } }
 *   }
 *
 * Names are pg-boss queue names: letters, digits, `-` and `_`.
 */
export interface JobPayloads {
  /** Deliver the outbox's due messages (e-mail, SMS, in-app). */
  'outbox-deliver': { reason?: string };
}

export type JobName = Extract<keyof JobPayloads, string>;

/** A job as a handler receives it. */
export type Job<Name extends JobName> = {
  id: string;
  name: Name;
  data: JobPayloads[Name];
  /** 0 on the first attempt, then 1, 2, … on retries. */
  retryCount: number;
};

export type JobHandler<Name extends JobName> = (job: Job<Name>) => Promise<void>;

export type RetryPolicy = {
  /** Attempts after the first; pg-boss's default is 2. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay after each failure (with jitter). */
  retryBackoff?: boolean;
};

export type SendOptions = RetryPolicy & {
  /** Not before this moment, or this many seconds from now. */
  startAfter?: Date | number;
  /** A running job is failed (and maybe retried) after this long; 15 minutes by default. */
  expireInSeconds?: number;
  /** With a `stately` or `singleton` queue, jobs with one key are deduplicated. */
  singletonKey?: string;
  priority?: number;
};

export type QueueOptions = RetryPolicy & {
  /**
   * `standard`: any number of jobs; `stately`: at most one queued and one running (extra sends
   * are dropped); `singleton`: at most one running; `short`: at most one queued.
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  expireInSeconds?: number;
  /** How long finished jobs are kept before archiving, in minutes. */
  retentionMinutes?: number;
};

export type WorkOptions = {
  /** How often an idle worker looks for jobs (at least 0.5 s); 2 s by default. */
  pollingIntervalSeconds?: number;
};

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A job's record, for operators and tests. */
export type JobRecord = {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  retryCount: number;
  /** What the handler returned, or the error it threw (`{ message, stack, … }`). */
  output: unknown;
};

/** The platform's job queue: pg-boss on PGlite or PostgreSQL behind a small typed surface. */
export interface JobQueue {
  /** Installs or migrates pg-boss's schema on first use, then starts maintenance and cron. */
  start(): Promise<void>;
  /** Waits for running jobs (up to a timeout), stops every timer and releases the database. */
  stop(): Promise<void>;
  /** Creates the queue if needed and applies its options. `send` and `work` create plain ones. */
  defineQueue(name: JobName, options?: QueueOptions): Promise<void>;
  /** Queues a job; returns its id, or null when the queue's policy dropped it as a duplicate. */
  send<Name extends JobName>(
    name: Name,
    data: JobPayloads[Name],
    options?: SendOptions,
  ): Promise<string | null>;
  /** Runs `handler` for each job of the queue in this process; a throw fails (or retries) it. */
  work<Name extends JobName>(
    name: Name,
    handler: JobHandler<Name>,
    options?: WorkOptions,
  ): Promise<string>;
  /** Queues a job on a cron schedule (minute granularity, UTC unless `tz` is given). */
  schedule<Name extends JobName>(
    name: Name,
    cron: string,
    data: JobPayloads[Name],
    options?: SendOptions & { tz?: string },
  ): Promise<void>;
  getJob(name: JobName, id: string): Promise<JobRecord | null>;
}
