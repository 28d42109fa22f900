import type { Command } from 'commander';

import { loadConfig } from '../../server/config.js';
import { verifyAuditChain } from '../../server/platform/audit/audit.service.js';
import { prepareDataDir } from '../../server/platform/data-dir.js';
import { checkPgliteDir, openDatabase } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrate.js';

// sysexits(3): there is no database to check.
const EX_NOINPUT = 66;

/** `mpdom audit verify`: checks the journal's hash chain end to end. */
export function auditCommand(program: Command) {
  const audit = program.command('audit').description('the audit journal');

  audit
    .command('verify')
    .description('check the hash chain of the journal; exit 1 naming the first broken entry')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();

      if (config.database.kind === 'pglite' && checkPgliteDir(config.database.dir) === 'new') {
        process.stderr.write(`mpdom: no database at ${config.database.dir}; nothing to verify\n`);
        process.exitCode = EX_NOINPUT;

        return;
      }

      // The embedded database takes one process at a time: refuse while the server holds it.
      const releaseDataDir = prepareDataDir(config);
      const db = await openDatabase(config);

      try {
        // A database from an older version gains the journal tables first (an empty chain).
        await migrate(db);

        const result = await verifyAuditChain(db);

        if (options.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else if (result.ok) {
          process.stdout.write(`ok, ${result.entries} entries\n`);
        } else {
          process.stdout.write(
            `broken at entry ${result.firstBrokenSeq}: ${result.reason}\n` +
              `(${result.entries} entries before it link correctly)\n`,
          );
        }

        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await db.close();
        releaseDataDir();
      }
    });
}
