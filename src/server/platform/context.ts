import type { Config } from '../config.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';

/** What every module receives: configuration and the platform services. */
export type AppContext = {
  config: Config;
  db: Database;
  logger: Logger;
};
