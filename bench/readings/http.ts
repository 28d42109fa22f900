import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import Fastify from 'fastify';

import { loadConfig } from '../../src/server/config.js';
import { startPlatform } from '../../src/server/main.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { buildBenchWorld } from './world.js';

type Load = { rps: number; p50: number; p99: number; failed: number };

/** Sends `requests` POSTs with `concurrency` in flight; one connection pool, keep-alive. */
async function load(
  requests: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<Load> {
  const latencies: number[] = [];
  let nextIndex = 0;
  let failed = 0;
  const started = performance.now();

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = nextIndex++; i < requests; i = nextIndex++) {
        const t0 = performance.now();
        const response = await send(i);

        await response.arrayBuffer();
        latencies.push(performance.now() - t0);

        if (response.status >= 300) {
          failed += 1;

          if (failed === 1) {
            process.stdout.write(`  first failure: ${response.status}\n`);
          }
        }
      }
    }),
  );

  const wall = (performance.now() - started) / 1000;

  latencies.sort((a, b) => a - b);

  return {
    rps: requests / wall,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p99: latencies[Math.floor(latencies.length * 0.99)]!,
    failed,
  };
}

const show = (label: string, r: Load) =>
  `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms${r.failed ? `  FAILED ${r.failed}` : ''}\n`;

/**
 * (a) The owner's reading submission through the whole API (session, CSRF, rights check, the
 * rules against the meter's history, audit entry) against a bare fastify route that does one
 * INSERT of the same reading into the same table on the same database.
 */
export async function benchHttp(db: Database, options: { requests: number; concurrency: number }) {
  const { requests, concurrency } = options;
  const world = await buildBenchWorld(db, requests * 2 + 100);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKER: 'false',
    DEMO: 'false',
  });
  const platform = await startPlatform(config, createLogger(config), {
    db,
    listen: false,
    web: false,
    seed: false,
  });
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');

  await db.query(
    `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [world.userId, createHash('sha256').update(token).digest('hex'), csrf],
  );
  await platform.app.listen({ port: 0, host: '127.0.0.1' });

  const api = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const headers = {
    'content-type': 'application/json',
    cookie: `mpdom_session=${platform.app.signCookie(token)}`,
    'x-csrf-token': csrf,
  };
  const body = JSON.stringify({ values: [{ zone: 'single', value: '12,345' }] });

  // Warm-up: JIT, connection pool, plan caches.
  await load(50, concurrency, (i) =>
    fetch(`${api}/api/v1/meters/${world.meterIds[requests * 2 + i]}/readings`, {
      method: 'POST',
      headers,
      body,
    }),
  );

  const apiRun = await load(requests, concurrency, (i) =>
    fetch(`${api}/api/v1/meters/${world.meterIds[i]}/readings`, { method: 'POST', headers, body }),
  );

  await platform.app.close();

  const bare = Fastify();

  bare.post<{ Params: { meterId: string }; Body: { values: { zone: string; value: string }[] } }>(
    '/bare/:meterId',
    async (request) => {
      await db.query(
        `INSERT INTO meter_readings (meter_id, zone, period, kind, value, taken_on, source)
         VALUES ($1, $2, to_char(CURRENT_DATE, 'YYYY-MM'), 'regular', $3, CURRENT_DATE, 'owner')`,
        [
          request.params.meterId,
          request.body.values[0]!.zone,
          request.body.values[0]!.value.replace(',', '.'),
        ],
      );

      return { ok: true };
    },
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const base = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  const bareRun = await load(requests, concurrency, (i) =>
    fetch(`${base}/bare/${world.meterIds[requests + i]}`, { method: 'POST', headers, body }),
  );

  await bare.close();
  process.stdout.write(`(a) ${requests} submissions, concurrency ${concurrency}\n`);
  process.stdout.write(show('API POST /meters/:id/readings', apiRun));
  process.stdout.write(show('bare fastify INSERT', bareRun));
  process.stdout.write(`  ratio API / bare: ${(apiRun.rps / bareRun.rps).toFixed(2)}\n`);
  await platform.ctx.jobs.stop().catch(() => undefined);
}
