import type { FastifyInstance } from 'fastify';

import type { Config } from './config.js';
import { apiModules } from './modules/index.js';
import type { AppContext } from './platform/context.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { buildApp } from './platform/http/app.js';
import type { Logger } from './platform/logger.js';
import { serveWeb } from './platform/http/web.js';
import { firstStart } from './first-start.js';
import { prepareDataDir } from './platform/data-dir.js';
import { createJobQueue } from './platform/jobs/job-queue.js';
import { registerOutboxJobs } from './platform/outbox/outbox.jobs.js';
import { createTransports } from './platform/outbox/outbox.transports.js';

export type Platform = { app: FastifyInstance; ctx: AppContext; stop(): Promise<void> };

/**
 * Boots the platform: database → migrations → first-start data → HTTP app. Used by `mpdom start`
 * and by integration tests (which pass `listen: false` and call `app.inject`).
 */
export async function startPlatform(
  config: Config,
  logger: Logger,
  options: { listen?: boolean; web?: boolean; db?: Database; seed?: boolean } = {},
): Promise<Platform> {
  const releaseDataDir = options.db ? () => undefined : prepareDataDir(config);
  const db = options.db ?? (await openDatabase(config));
  const { applied } = await migrate(db);

  logger.info({ applied, database: db.kind }, 'migrations applied');

  const jobs = createJobQueue({ config, db, logger });

  await jobs.start();

  // The embedded default runs the worker in this process; production may run it apart.
  if (config.worker) {
    await registerOutboxJobs(jobs, { db, logger }, createTransports(config));
  }

  const ctx: AppContext = { config, db, logger, jobs };

  if (options.seed !== false) {
    await firstStart(ctx);
  }

  const app = await buildApp(ctx, {
    modules: apiModules,
    ...(options.web !== false ? { web: (instance) => serveWeb(instance, config) } : {}),
  });

  if (options.listen !== false) {
    await app.listen({ port: config.http.port, host: config.http.host });
  }

  return {
    app,
    ctx,
    async stop() {
      await app.close();
      await jobs.stop();
      await db.close();
      releaseDataDir();
    },
  };
}
