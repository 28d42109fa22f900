/**
 * Imports the shipped registry extract into a fresh database and prints rows per second: first
 * into an in-memory PGlite, then (when DATABASE_URL is set) into a new PostgreSQL database that is
 * dropped afterwards. Each target is imported twice: the first import creates every house, the
 * second must change nothing.
 *
 *   npx tsx bench/import-houses.ts [FILE]
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { loadConfig } from '../src/server/config.js';
import {
  importHouses,
  type ImportReport,
} from '../src/server/modules/buildings/buildings.import.js';
import type { ServiceContext } from '../src/server/platform/context.js';
import { openDatabase, wrapPglite, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { createLogger } from '../src/server/platform/logger.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const logger = createLogger(config);
const file = path.resolve(process.argv[2] ?? 'data/houses/ekaterinburg-2016-09.csv.gz');

function line(label: string, report: ImportReport) {
  const counts = `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped}`;

  return `${label.padEnd(28)} ${String(report.rowsRead).padStart(6)} rows  ${String(report.durationMs).padStart(6)} ms  ${String(report.rowsPerSecond).padStart(6)} rows/s  (${counts})`;
}

async function run(kind: string, db: Database) {
  const ctx: ServiceContext = { config, db, logger };

  await migrate(db);

  const first = await importHouses(ctx, file);
  const second = await importHouses(ctx, file);

  process.stdout.write(`${line(`${kind}: first import`, first)}\n`);
  process.stdout.write(`${line(`${kind}: re-import`, second)}\n`);
}

async function benchPglite() {
  const db = wrapPglite(await PGlite.create());

  try {
    await run('pglite', db);
  } finally {
    await db.close();
  }
}

async function benchPostgres(url: string) {
  const name = `mpdom_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  const target = new URL(url);

  target.pathname = `/${name}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);

  const db = await openDatabase({ database: { kind: 'postgres', url: target.toString() } });

  try {
    await run('postgres', db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

process.stdout.write(`file: ${file}\n`);
await benchPglite();

if (config.database.kind === 'postgres') {
  await benchPostgres(config.database.url);
}
