import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { addMonths } from '../../src/domain/meters/periods.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { importReadingsCsvStream } from '../../src/server/modules/meters/readings-import.service.js';
import { buildBenchWorld } from './world.js';

const MONTHS = 10;

/** The same readings as the importer's CSV and as COPY's CSV (ids resolved, columns of the table). */
function* importCsv(serials: string[], months: string[]): Generator<string> {
  yield 'Заводской номер;Показание;Дата\n';

  for (const [m, period] of months.entries()) {
    let chunk = '';

    for (const [i, serial] of serials.entries()) {
      chunk += `${serial};${(m + 1) * 3 + (i % 7) * 0.125};${period}-15\n`;
    }

    yield chunk;
  }
}

function* copyCsv(ids: string[], months: string[]): Generator<string> {
  for (const [m, period] of months.entries()) {
    let chunk = '';

    for (const [i, id] of ids.entries()) {
      chunk += `${id},single,${period},regular,${(m + 1) * 3 + (i % 7) * 0.125},${period}-15,import\n`;
    }

    yield chunk;
  }
}

const COPY_SQL = `COPY meter_readings (meter_id, zone, period, kind, value, taken_on, source)`;

/**
 * (b) ROWS readings from a CSV through the real importer (streamed, judged row by row against
 * each meter's history, stored in batches of 5,000 through one unnest INSERT) against COPY of
 * the same rows into the same table. COPY goes first and its rows are deleted before the import.
 */
export async function benchImport(db: Database, options: { rows: number; pglite: unknown }) {
  const meters = Math.ceil(options.rows / MONTHS);
  const world = await buildBenchWorld(db, meters);
  const now = new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(now, i - MONTHS));
  const rows = meters * MONTHS;

  let t0 = performance.now();

  if (db.kind === 'pglite') {
    const blob = new Blob([...copyCsv(world.meterIds, months)]);

    await db.pglite!.query(`${COPY_SQL} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
  } else {
    const client = new pg.Client({ connectionString: db.connectionString });

    await client.connect();
    await pipeline(
      Readable.from(copyCsv(world.meterIds, months)),
      client.query(copyFrom(`${COPY_SQL} FROM STDIN WITH (FORMAT csv)`)),
    );
    await client.end();
  }

  const copySeconds = (performance.now() - t0) / 1000;

  await db.query(`DELETE FROM meter_readings WHERE kind = 'regular'`);

  if (db.kind === 'postgres') {
    await db.query('VACUUM meter_readings');
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKER: 'false',
    DEMO: 'false',
  });

  t0 = performance.now();

  const report = await importReadingsCsvStream(
    { config, db, logger: createLogger(config) },
    {
      organisationId: world.organisationId,
      stream: Readable.from(importCsv(world.serials, months)),
      fileName: 'bench.csv',
      personId: world.personId,
    },
  );
  const importSeconds = (performance.now() - t0) / 1000;
  const copyRate = rows / copySeconds;
  const importRate = rows / importSeconds;

  process.stdout.write(
    `(b) ${rows.toLocaleString('en')} readings of ${meters.toLocaleString('en')} meters\n`,
  );
  process.stdout.write(
    `  COPY                    ${copyRate.toFixed(0).padStart(8)} rows/s (${copySeconds.toFixed(1)} s)\n`,
  );
  process.stdout.write(
    `  importer (CSV stream)   ${importRate.toFixed(0).padStart(8)} rows/s (${importSeconds.toFixed(1)} s), imported ${report.rowsImported}, refused ${report.rowsRefused}\n`,
  );
  process.stdout.write(`  ratio import / COPY: ${(importRate / copyRate).toFixed(2)}\n`);
}
