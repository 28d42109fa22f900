/**
 * Times the audit journal: appends one per transaction (how the application writes them), twenty
 * at a time in parallel, and the end-to-end chain check. Runs on an in-memory PGlite, then (when
 * DATABASE_URL is set) on a new PostgreSQL database dropped afterwards.
 *
 *   npx tsx bench/audit-journal.ts
 */
import { randomBytes } from 'node:crypto';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { recordAudit, verifyAuditChain } from '../src/server/platform/audit/audit.service.js';
import { openDatabase, wrapPglite, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';

const SEQUENTIAL = 2000;
const PARALLEL_ROUNDS = 50;
const PARALLEL = 20;

const sample = (n: number) => ({
  actorUserId: '0b7b5f0e-2f6c-4d8e-9a51-6c1c3f2e9a10',
  action: 'person.changed',
  objectType: 'person',
  objectId: String(n),
  before: { surname: 'Иванова', phone: '+79001234567', status: 'pending', n },
  after: { surname: 'Иванова', phone: '+79007654321', status: 'active', n },
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();

  return [result, Math.round(performance.now() - started)];
}

async function run(kind: string, db: Database) {
  await migrate(db);

  const [, sequentialMs] = await timed(async () => {
    for (let n = 0; n < SEQUENTIAL; n += 1) {
      await db.transaction((tx) => recordAudit(tx, sample(n)));
    }
  });
  const [, parallelMs] = await timed(async () => {
    for (let round = 0; round < PARALLEL_ROUNDS; round += 1) {
      await Promise.all(
        Array.from({ length: PARALLEL }, (_, n) =>
          db.transaction((tx) => recordAudit(tx, sample(n))),
        ),
      );
    }
  });
  const [result, verifyMs] = await timed(() => verifyAuditChain(db));
  const total = SEQUENTIAL + PARALLEL_ROUNDS * PARALLEL;
  const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

  console.log(
    `${kind}: ${SEQUENTIAL} appends one by one ${sequentialMs} ms ` +
      `(${perSecond(SEQUENTIAL, sequentialMs)}/s); ` +
      `${PARALLEL_ROUNDS}×${PARALLEL} parallel ${parallelMs} ms ` +
      `(${perSecond(PARALLEL_ROUNDS * PARALLEL, parallelMs)}/s); ` +
      `verify ${total} entries ${verifyMs} ms (${perSecond(total, verifyMs)}/s), ok=${result.ok}`,
  );
}

const pglite = wrapPglite(await PGlite.create());

await run('pglite', pglite);
await pglite.close();

// The benchmark, like the tests, decides from the environment which server to use.
const url = process.env.DATABASE_URL;

if (url) {
  const name = `mpdom_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });

  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);

  const target = new URL(url);

  target.pathname = `/${name}`;

  const db = await openDatabase({ database: { kind: 'postgres', url: target.toString() } });

  try {
    await run('postgres', db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
