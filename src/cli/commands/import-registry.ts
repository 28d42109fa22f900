import fs from 'node:fs/promises';

import type { Command } from 'commander';

import { loadConfig } from '../../server/config.js';
import { describeRegistryReport } from '../../server/modules/registry/registry-import.report.js';
import { importRegistryExtract } from '../../server/modules/registry/registry-import.service.js';
import { REGISTRY_FILE_MAX_BYTES } from '../../server/modules/registry/registry-import.source.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrate.js';
import { AppError } from '../../server/platform/errors.js';
import { createLogger } from '../../server/platform/logger.js';
import { importGroup } from './import-houses.js';

// sysexits(3): the input file is missing or its data is unusable.
const EX_DATAERR = 65;

/** `mpdom import registry FILE`: a property registry extract, all or nothing. */
export function importRegistryCommand(program: Command) {
  importGroup(program)
    .command('registry')
    .description(
      'import a property registry extract (CSV or XML, docs/registry-import.md); a file with ' +
        'a broken row stores nothing',
    )
    .argument('<file>', 'the extract, e.g. data/demo/registry-extract.csv')
    .option('--dry-run', 'check the file and report what would change, storing nothing')
    .option('--json', 'print the whole report as JSON')
    .option('--rows', 'list every row with what became of it')
    .option('--lang <lang>', 'language of the problem messages: ru or en', 'en')
    .action(
      async (
        file: string,
        options: { dryRun?: boolean; json?: boolean; rows?: boolean; lang: string },
      ) => {
        const config = loadConfig();
        const bytes = await readFile(file);

        if (!bytes) {
          process.exitCode = EX_DATAERR;

          return;
        }

        const db = await openDatabase(config);
        const ctx = { config, db, logger: createLogger({ ...config, logLevel: 'warn' }) };

        try {
          await migrate(db);

          const report = await importRegistryExtract(
            ctx,
            { bytes, fileName: file },
            { dryRun: options.dryRun ?? false, locale: options.lang === 'ru' ? 'ru' : 'en' },
          );

          process.stdout.write(
            options.json
              ? `${JSON.stringify(report, null, 2)}\n`
              : describeRegistryReport(report, { rows: options.rows }),
          );

          if (report.status === 'refused') {
            process.exitCode = EX_DATAERR;
          }
        } catch (error) {
          if (error instanceof AppError) {
            process.stderr.write(`mpdom: ${error.message}\n`);
            process.exitCode = EX_DATAERR;

            return;
          }

          throw error;
        } finally {
          await db.close();
        }
      },
    );
}

/** The file's bytes, or null after saying why it cannot be read. */
async function readFile(file: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(file);

    if (!stat.isFile()) {
      process.stderr.write(`mpdom: ${file} is not a regular file\n`);

      return null;
    }

    if (stat.size > REGISTRY_FILE_MAX_BYTES) {
      process.stderr.write(
        `mpdom: ${file} is larger than ${REGISTRY_FILE_MAX_BYTES / 1024 / 1024} MB; split the extract\n`,
      );

      return null;
    }

    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;

    process.stderr.write(
      code === 'ENOENT'
        ? `mpdom: file not found: ${file}\n`
        : `mpdom: cannot read ${file}: ${code}\n`,
    );

    return null;
  }
}
