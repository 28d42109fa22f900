import cliProgress from 'cli-progress';
import type { Command } from 'commander';

import { loadConfig } from '../../server/config.js';
import {
  importHouses,
  type ImportReport,
} from '../../server/modules/buildings/buildings.import.js';
import type { ServiceContext } from '../../server/platform/context.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrate.js';
import { AppError } from '../../server/platform/errors.js';
import { createLogger } from '../../server/platform/logger.js';

// sysexits(3): the input file is missing or its data is unusable.
const EX_DATAERR = 65;

/** `mpdom import`: the group later issues add their importers to (registry, readings). */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'import') ??
    program.command('import').description('import data files into the platform')
  );
}

/** `mpdom import houses FILE`: a registry extract of the housing-disclosure portal. */
export function importHousesCommand(program: Command) {
  importGroup(program)
    .command('houses')
    .description('import a house registry extract (CSV or CSV.gz, UTF-8 or Windows-1251)')
    .argument('<file>', 'registry extract, e.g. data/houses/ekaterinburg-2016-09.csv.gz')
    .option('--time-zone <zone>', 'IANA time zone of the houses', 'Asia/Yekaterinburg')
    .option('--json', 'print the whole report as JSON')
    .action(async (file: string, options: { timeZone: string; json?: boolean }) => {
      const config = loadConfig();
      const db = await openDatabase(config);
      const ctx: ServiceContext = {
        config,
        db,
        logger: createLogger({ ...config, logLevel: 'warn' }),
      };
      const bar = new cliProgress.SingleBar(
        {
          format:
            'houses [{bar}] {percentage}% | {rows} rows | {created} new, {updated} updated, {skipped} skipped',
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );

      try {
        await migrate(db);
        bar.start(1, 0, { rows: 0, created: 0, updated: 0, skipped: 0 });

        const report = await importHouses(ctx, file, {
          timeZone: options.timeZone,
          onProgress: (progress) => {
            bar.setTotal(Math.max(1, progress.bytesTotal));
            bar.update(progress.bytesRead, {
              rows: progress.rowsRead,
              created: progress.created,
              updated: progress.updated,
              skipped: progress.skipped,
            });
          },
        });

        bar.stop();
        process.stdout.write(
          options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report),
        );
      } catch (error) {
        bar.stop();

        if (error instanceof AppError) {
          process.stderr.write(`mpdom: ${error.message}\n`);
          process.exitCode = EX_DATAERR;

          return;
        }

        throw error;
      } finally {
        await db.close();
      }
    });
}

function describe(report: ImportReport): string {
  const lines = [
    `imported ${report.fileName} (${report.compressed ? 'gzip, ' : ''}${report.encoding ?? 'empty'})` +
      ` in ${(report.durationMs / 1000).toFixed(1)} s, ${report.rowsPerSecond} rows/s`,
    `  rows read      ${report.rowsRead}`,
    `  created        ${report.created}`,
    `  updated        ${report.updated}`,
    `  unchanged      ${report.unchanged}${report.outdated ? ` (${report.outdated} older than stored)` : ''}`,
    `  skipped        ${report.skipped}`,
    `  organisations  ${report.organisations.created} created, ${report.organisations.updated} updated`,
  ];

  if (report.extraColumns.length > 0) {
    lines.push(`extra columns kept in houses.extra: ${report.extraColumns.join(', ')}`);
  }

  if (report.warningsTotal > 0) {
    lines.push('values stored as empty (present but unusable):');

    for (const [what, count] of Object.entries(report.warningCounts)) {
      lines.push(`  ${what.padEnd(32)} ${count}`);
    }
  }

  if (report.skippedRows.length > 0) {
    lines.push('skipped rows:');

    for (const row of report.skippedRows) {
      lines.push(`  line ${row.line}: ${row.message}`);
    }
  }

  return `${lines.join('\n')}\n`;
}
