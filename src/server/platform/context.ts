import type { Config } from '../config.js';
import type { Database } from './db/database.js';
import type { JobQueue } from './jobs/job-types.js';
import type { Logger } from './logger.js';

/** What every module receives: configuration and the platform services. */
export type AppContext = {
  config: Config;
  db: Database;
  logger: Logger;
  /** Background jobs on the platform's database (pg-boss). */
  jobs: JobQueue;
};

/** The part of the context that works without the HTTP app or the job queue (CLI, imports). */
export type ServiceContext = Pick<AppContext, 'config' | 'db' | 'logger'>;
