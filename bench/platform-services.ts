/**
 * Times the platform services on a fresh database: the job queue (first start installs pg-boss's
 * schema; a job's round trip from send to handler; stop), outbox delivery through the local file
 * transports, and a 5 MB upload through content sniffing into local storage. Runs on an in-memory
 * PGlite, then (when DATABASE_URL is set) on a new PostgreSQL database dropped afterwards.
 *
 *   npx tsx bench/platform-services.ts
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { loadConfig } from '../src/server/config.js';
import type { ServiceContext } from '../src/server/platform/context.js';
import { openDatabase, wrapPglite, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { storeUpload } from '../src/server/platform/files/files.service.js';
import { createJobQueue } from '../src/server/platform/jobs/job-queue.js';
import { createLogger } from '../src/server/platform/logger.js';
import { deliverPending, enqueueMessage } from '../src/server/platform/outbox/outbox.service.js';
import { createTransports } from '../src/server/platform/outbox/outbox.transports.js';
import { samplePdfOfSize } from '../test/support/sample-files.js';

const MESSAGES = 500;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();

  return [result, Math.round(performance.now() - started)];
}

async function run(kind: string, db: Database) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const ctx: ServiceContext = { config, db, logger: createLogger(config) };

  await migrate(db);

  const first = createJobQueue(ctx);
  const [, installMs] = await timed(() => first.start());
  const [, stopMs] = await timed(() => first.stop());
  const queue = createJobQueue(ctx);
  const [, startMs] = await timed(() => queue.start());
  let received = 0;

  await queue.work('outbox-deliver', async () => {
    received += 1;
  });

  const [, roundTripMs] = await timed(async () => {
    await queue.send('outbox-deliver', { reason: 'bench' });

    while (received === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  await queue.stop();

  const [, enqueueMs] = await timed(async () => {
    for (let i = 0; i < MESSAGES; i += 1) {
      await enqueueMessage(db, { channel: 'sms', recipient: '+79001234567', body: `Код ${i}` });
    }
  });
  const [report, deliverMs] = await timed(() =>
    deliverPending(ctx, createTransports(config), { maxBatches: 1000, batchSize: 50 }),
  );
  const pdf = samplePdfOfSize(5 * 1024 * 1024);
  const [, uploadMs] = await timed(() => storeUpload(ctx, { body: pdf, originalName: 'big.pdf' }));

  fs.rmSync(dataDir, { recursive: true, force: true });

  const rate = (count: number, ms: number) => Math.round((count * 1000) / Math.max(ms, 1));

  process.stdout.write(
    `${kind}\n` +
      `  job queue: first start (installs schema) ${installMs} ms, stop ${stopMs} ms, ` +
      `next start ${startMs} ms, send → handler ${roundTripMs} ms\n` +
      `  outbox: enqueue ${MESSAGES} in ${enqueueMs} ms (${rate(MESSAGES, enqueueMs)}/s), ` +
      `deliver ${report.sent} to files in ${deliverMs} ms (${rate(report.sent, deliverMs)}/s)\n` +
      `  upload: 5 MB PDF sniffed, hashed and stored in ${uploadMs} ms\n`,
  );
}

const pglite = wrapPglite(await PGlite.create());

await run('PGlite (in memory)', pglite);
await pglite.close();

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
    await run('PostgreSQL', db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
