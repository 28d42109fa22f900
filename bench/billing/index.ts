/**
 * The billing run against a single INSERT … SELECT baseline, and ЕПД rendering speed.
 *
 *   npm run bench -- billing                       # 100,000 accounts on PGlite (in memory)
 *   npm run bench -- billing --postgres URL        # 1,000,000 accounts on a PostgreSQL server
 *   npm run bench -- billing --accounts 20000      # any size
 *
 * Generated data: houses of 1,000 accounts, each premise with a cold- and a hot-water meter read
 * last month and this month, tariffs for maintenance, both waters and sewerage. The run bills
 * every house as the worker would (metered volumes from the meters module, set-based batches);
 * the baseline computes the same charges for all accounts in one statement. On PostgreSQL a
 * scratch database `mpdom_bench_billing` is created and dropped.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { addMonths, firstDay } from '../../src/domain/billing/period.js';
import { openDatabase, wrapPglite, type Database } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { loadConfig } from '../../src/server/config.js';
import { executeRun } from '../../src/server/modules/billing/run-engine.js';
import { composeBill } from '../../src/server/modules/billing/bill-data.js';
import { renderEpdPdf } from '../../src/server/modules/billing/epd-pdf.js';
import { withAccountKey } from '../../src/server/modules/demo/demo.billing.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);

  return at >= 0 ? args[at + 1] : undefined;
};
const serverUrl = flag('postgres');
const ACCOUNTS = Number(flag('accounts') ?? (serverUrl ? 1_000_000 : 100_000));
const PER_HOUSE = 1_000;
const PERIOD = '2026-10';
const SCRATCH = 'mpdom_bench_billing';

async function open(): Promise<{ db: Database; done: () => Promise<void> }> {
  if (!serverUrl) {
    return { db: wrapPglite(await PGlite.create()), done: async () => undefined };
  }

  const admin = new pg.Client({ connectionString: serverUrl });

  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
  await admin.query(`CREATE DATABASE ${SCRATCH}`);

  const url = new URL(serverUrl);

  url.pathname = `/${SCRATCH}`;

  const db = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });

  return {
    db,
    done: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
      await admin.end();
    },
  };
}

const seconds = (from: number) => (performance.now() - from) / 1000;

async function generate(db: Database) {
  const houses = Math.ceil(ACCOUNTS / PER_HOUSE);
  const [org] = await db.query<{ id: string }>(
    `INSERT INTO organisations (kind, name, normalized_name, inn) VALUES ('management_company', 'УК Бенч', 'ук бенч', '7802532605') RETURNING id`,
  );
  const orgId = org!.id;
  const prev = addMonths(PERIOD, -1);

  await db.query(
    `INSERT INTO billing_settings (organisation_id, payee_name, inn, bank_name, bik, correspondent_account, settlement_account, penalties)
     VALUES ($1, 'УК Бенч', '7802532605', 'Уральский банк ПАО Сбербанк', '046577674', '30101810500000000674', $2, false)`,
    [orgId, withAccountKey('046577674', '40702810016540000001')],
  );
  await db.query(
    `INSERT INTO billing_tariffs (organisation_id, service, zone, rate, valid_from)
     VALUES ($1, 'maintenance', 'single', 34.10, '2026-01-01'), ($1, 'cold_water', 'single', 57.26, '2026-01-01'),
            ($1, 'hot_water', 'single', 265.97, '2026-01-01'), ($1, 'sewerage', 'single', 40.58, '2026-01-01')`,
    [orgId],
  );
  await db.query(
    `INSERT INTO houses (portal_id, address, search_text, source_hash, managing_organisation_id)
     SELECT 900000000 + g, 'Бенч, д. ' || g, 'бенч ' || g, 'bench', $1 FROM generate_series(1, $2) g`,
    [orgId, houses],
  );
  await db.query(
    `INSERT INTO premises (house_id, number, kind, area_total)
     SELECT h.id, n::text, 'flat', 30 + (n * 7919 % 6000) / 100.0
       FROM houses h CROSS JOIN generate_series(1, $1) n WHERE h.source_hash = 'bench'`,
    [PER_HOUSE],
  );
  await db.query(
    `INSERT INTO personal_accounts (number, premise_id, organisation_id, payer_organisation_id, opened_on)
     SELECT '66' || chr(65 + (rn / 1000000)::int % 26) || chr(65 + (rn / 26000000)::int % 26)
              || lpad((rn % 1000000)::text, 6, '0'), id, $1, $1, '2020-01-01'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM premises) p`,
    [orgId],
  );
  await db.query(
    `INSERT INTO meters (organisation_id, house_id, premise_id, resource, integer_digits, fraction_digits,
       serial_number, installed_on, verified_on, verification_interval_months, next_verification_on)
     SELECT $1, p.house_id, p.id, r, 5, 3, r || '-' || p.id, '2020-01-01', '2024-01-01', 72, '2030-01-01'
       FROM premises p CROSS JOIN (VALUES ('cold_water'), ('hot_water')) v(r)`,
    [orgId],
  );
  await db.query(
    `INSERT INTO meter_readings (meter_id, zone, period, kind, value, taken_on, source)
     SELECT m.id, 'single', x.period, 'regular',
            CASE WHEN x.period = $1 THEN 100 ELSE 100 + (abs(hashtext(m.id::text)) % 9000) / 1000.0 END,
            (x.period || '-24')::date, 'import'
       FROM meters m CROSS JOIN (VALUES ($1), ($2)) x(period)`,
    [prev, PERIOD],
  );
  await db.exec('ANALYZE');

  return { orgId, houses };
}

/** The baseline: the same charges for every account in one INSERT … SELECT. */
async function baseline(db: Database, orgId: string) {
  // Into the same table, with its indexes and foreign keys, under a run of its own.
  const [run] = await db.query<{ id: string }>(
    `INSERT INTO billing_runs (organisation_id, house_id, period, status)
     SELECT $1, id, '2000-01', 'draft' FROM houses WHERE source_hash = 'bench' LIMIT 1 RETURNING id`,
    [orgId],
  );
  const started = performance.now();

  await db.query(
    `WITH t AS (SELECT service, rate FROM billing_tariffs WHERE organisation_id = $1),
     vol AS (
       SELECT a.id AS account, m.resource AS service, cur.value - prev.value AS q
         FROM personal_accounts a JOIN meters m ON m.premise_id = a.premise_id
         JOIN meter_readings cur ON cur.meter_id = m.id AND cur.period = $2 AND cur.kind = 'regular'
         JOIN meter_readings prev ON prev.meter_id = m.id AND prev.period = $3 AND prev.kind = 'regular'
        WHERE a.organisation_id = $1),
     lines AS (
       SELECT account, service, q FROM vol
       UNION ALL SELECT account, 'sewerage', sum(q) FROM vol GROUP BY account
       UNION ALL SELECT a.id, 'maintenance', p.area_total FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
        WHERE a.organisation_id = $1)
     INSERT INTO billing_charges (run_id, personal_account_id, period, service, zone, kind, method, quantity, unit, rate, amount_kopecks, explanation)
     SELECT $4::uuid, l.account, $2, l.service, 'single', 'charge', 'metered', l.q, 'm3', t.rate,
            round(l.q * t.rate * 100), l.service || ': ' || l.q || ' × ' || t.rate
       FROM lines l JOIN t ON t.service = l.service`,
    [orgId, PERIOD, addMonths(PERIOD, -1), run!.id],
  );

  const time = seconds(started);
  const [row] = await db.query<{ n: number; sum: string }>(
    'SELECT count(*)::int AS n, sum(amount_kopecks)::text AS sum FROM billing_charges WHERE run_id = $1',
    [run!.id],
  );

  await db.query('DELETE FROM billing_charges WHERE run_id = $1', [run!.id]);
  await db.query('DELETE FROM billing_runs WHERE id = $1', [run!.id]);

  return { time, lines: row!.n, sum: row!.sum };
}

async function runAll(db: Database, orgId: string) {
  const houses = await db.query<{ id: string }>(
    `SELECT id FROM houses WHERE source_hash = 'bench' ORDER BY portal_id`,
  );
  const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
  const started = performance.now();
  const runIds: string[] = [];

  for (const house of houses) {
    const [run] = await db.query<{ id: string }>(
      `INSERT INTO billing_runs (organisation_id, house_id, period) VALUES ($1, $2, $3) RETURNING id`,
      [orgId, house.id, PERIOD],
    );

    await executeRun({ db, logger }, run!.id);
    runIds.push(run!.id);
  }

  const time = seconds(started);
  const [row] = await db.query<{ n: number; sum: string }>(
    `SELECT count(*)::int AS n, sum(amount_kopecks)::text AS sum FROM billing_charges`,
  );

  return { time, lines: row!.n, sum: row!.sum, firstRun: runIds[0]! };
}

async function pdfs(db: Database, runId: string) {
  await db.query(`UPDATE billing_runs SET status = 'closed' WHERE id = $1`, [runId]);

  const accounts = await db.query<{ id: string }>(
    `SELECT DISTINCT personal_account_id AS id FROM billing_charges WHERE run_id = $1 LIMIT 200`,
    [runId],
  );
  const bills = [];
  let started = performance.now();

  for (const a of accounts) {
    bills.push(await composeBill(db, a.id, PERIOD));
  }

  const composeTime = seconds(started);

  started = performance.now();

  for (const bill of bills) {
    await renderEpdPdf(bill);
  }

  return { count: bills.length, composeTime, renderTime: seconds(started) };
}

const { db, done } = await open();

try {
  let started = performance.now();

  await migrate(db);
  console.log(`migrated in ${seconds(started).toFixed(1)} s`);
  started = performance.now();

  const { orgId, houses } = await generate(db);

  console.log(
    `generated ${ACCOUNTS.toLocaleString('en')} accounts in ${houses} houses, 2 meters each, in ${seconds(started).toFixed(1)} s`,
  );

  const base = await baseline(db, orgId);

  console.log(`baseline done in ${base.time.toFixed(2)} s`);

  const run = await runAll(db, orgId);
  const render = await pdfs(db, run.firstRun);
  const database = serverUrl ? 'PostgreSQL' : 'PGlite';

  console.log(
    `\n${database}, ${ACCOUNTS.toLocaleString('en')} accounts (first day ${firstDay(PERIOD)})`,
  );
  console.log(
    `baseline INSERT … SELECT: ${base.time.toFixed(2)} s, ${base.lines} lines, Σ ${base.sum} kopecks, ${Math.round(ACCOUNTS / base.time)} accounts/s`,
  );
  console.log(
    `billing run (${houses} house runs): ${run.time.toFixed(2)} s, ${run.lines} lines, Σ ${run.sum} kopecks, ${Math.round(ACCOUNTS / run.time)} accounts/s`,
  );
  console.log(
    `run / baseline: ${(run.time / base.time).toFixed(2)}×; sums ${run.sum === base.sum ? 'agree' : 'DIFFER'}`,
  );
  console.log(
    `ЕПД: ${render.count} bills composed at ${(render.count / render.composeTime).toFixed(1)}/s, rendered to PDF at ${(render.count / render.renderTime).toFixed(1)}/s on one core`,
  );
} finally {
  await done();
}
