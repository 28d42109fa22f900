/**
 * Readings at speed (issue 5), on PGlite in memory and on PostgreSQL (DATABASE_URL, default the
 * local server; a scratch database is created and dropped):
 *
 *  (a) authenticated submissions through the HTTP API at a fixed concurrency — requests per
 *      second and p99 — next to a bare fastify route doing one INSERT into the same table;
 *  (b) a CSV import of ROWS readings through the real importer (streamed, batched) next to
 *      PostgreSQL COPY of the same rows.
 *
 *   npm run bench -- readings [--rows 1000000] [--requests 2000] [--concurrency 16] [--only pglite|postgres]
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { openDatabase, wrapPglite, type Database } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import { benchHttp } from './http.js';
import { benchImport } from './import.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);

  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const ROWS = Number(arg('rows', '1000000'));
const REQUESTS = Number(arg('requests', '2000'));
const CONCURRENCY = Number(arg('concurrency', '16'));
const ONLY = arg('only', 'all');

async function run(label: string, open: () => Promise<Database>, pglite: PGlite | null) {
  process.stdout.write(`\n== ${label}\n`);

  const http = await open();

  await migrate(http);
  await benchHttp(http, { requests: REQUESTS, concurrency: CONCURRENCY });
  await http.close();

  const bulk = await open();

  await migrate(bulk);
  await benchImport(bulk, { rows: ROWS, pglite });
  await bulk.close();
}

if (ONLY !== 'postgres') {
  let client: PGlite | null = null;

  await run(
    'PGlite (in memory)',
    async () => {
      client = await PGlite.create();

      return wrapPglite(client);
    },
    null,
  ).catch((error: unknown) => {
    process.stdout.write(`PGlite failed: ${String(error)}\n`);
  });
  void client;
}

if (ONLY !== 'pglite') {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url });
  const names: string[] = [];

  await admin.connect();

  try {
    await run(
      'PostgreSQL',
      async () => {
        const name = `mpdom_bench_readings_${names.length}`;

        names.push(name);
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);

        const target = new URL(url);

        target.pathname = `/${name}`;

        return openDatabase({ database: { kind: 'postgres', url: target.toString() } });
      },
      null,
    );
  } finally {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }

    await admin.end();
  }
}
