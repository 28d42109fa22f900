import { Command, CommanderError } from 'commander';

import { ConfigError } from '../server/config.js';
import { DataDirError } from '../server/platform/db/database.js';
import { VERSION } from '../server/version.js';
import { registerCommands } from './commands/index.js';

/**
 * `mpdom`: the platform's command line. Each command lives in `commands/` and reads the same
 * validated configuration as the server.
 */
const program = new Command()
  .name('mpdom')
  .description('МП-дом: платформа ЖКХ / housing and utilities platform')
  .version(VERSION)
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError || error instanceof DataDirError) {
    // Configuration and data-directory problems are the operator's to fix: say what, no stack.
    process.stderr.write(`mpdom: ${error.message}\n`);
    process.exitCode = 78;
  } else {
    process.stderr.write(
      `mpdom: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
