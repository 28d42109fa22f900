import type { Command } from 'commander';

import { loadConfig } from '../../server/config.js';
import { startPlatform } from '../../server/main.js';
import { createLogger } from '../../server/platform/logger.js';
import { ensureWebBuilt } from '../web-build.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description('start the whole platform: API, web UI and worker (builds the UI if needed)')
    .option('--no-web', 'serve the API only (the dev setup serves the UI through Vite)')
    .action(async (options: { web: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(config);
      const startedAt = performance.now();

      if (options.web) {
        await ensureWebBuilt(logger);
      }

      const platform = await startPlatform(config, logger, { web: options.web });
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const url = `http://localhost:${config.http.port}`;

      logger.info({ url, seconds, database: platform.ctx.db.kind }, 'МП-дом is up');
      process.stdout.write(`\n  МП-дом: ${url}  (API docs: ${url}/api/docs)\n\n`);

      const shutdown = async (signal: string) => {
        logger.info({ signal }, 'shutting down');
        await platform.stop();
        process.exit(0);
      };

      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
