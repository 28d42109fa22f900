import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { createJobQueue } from '../../src/server/platform/jobs/job-queue.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from './database.js';

/**
 * A platform context without HTTP: a fresh test database, silent logs and a temporary data
 * directory (uploads, outbox files). `close()` removes both.
 */
export async function createServiceContext(): Promise<AppContext & { close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-test-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const db = await createTestDatabase();

  const logger = createLogger(config);

  return {
    config,
    db,
    logger,
    // Created but not started: services under test that enqueue jobs start it themselves.
    jobs: createJobQueue({ config, db, logger }),
    async close() {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
