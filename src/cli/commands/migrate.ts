import type { Command } from 'commander';

import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrate.js';

export function migrateCommand(program: Command) {
  program
    .command('migrate')
    .description('apply pending SQL migrations to the configured database')
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase(config);

      try {
        const { applied } = await migrate(db);

        process.stdout.write(`migrations applied: ${applied} (${db.kind})\n`);
      } finally {
        await db.close();
      }
    });
}
