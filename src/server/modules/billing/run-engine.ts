import { DEFAULT_AVERAGE_RULES } from '../../../domain/billing/consumption.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { countAccounts, loadHistory, loadRunContext, nextAccounts } from './run-inputs.js';
import { chargeLinesOf, type ChargeLine } from './run-lines.js';
import { penaltyLinesOf } from './run-penalties.js';
import { findSettings } from './settings.service.js';

export const RUN_BATCH_SIZE = 2_000;

type RunRow = { id: string; organisationId: string; houseId: string; period: string };

/** Writes a batch's lines with one statement: arrays bound as parameters, unnested in SQL. */
export async function insertLines(
  db: Queryable,
  runId: string,
  period: string,
  lines: ChargeLine[],
) {
  if (lines.length === 0) {
    return;
  }

  const col = <T>(pick: (l: ChargeLine) => T) => lines.map(pick);

  await db.query(
    `INSERT INTO billing_charges (run_id, period, personal_account_id, service, zone, kind, method,
       quantity, unit, rate, amount_kopecks, explanation, ground, corrects_period)
     SELECT $1, $2, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::numeric[], $9::text[], $10::numeric[], $11::bigint[], $12::text[], $13::text[], $14::text[])`,
    [
      runId,
      period,
      col((l) => l.accountId),
      col((l) => l.service),
      col((l) => l.zone),
      col((l) => l.kind),
      col((l) => l.method),
      col((l) => l.quantity),
      col((l) => l.unit),
      col((l) => l.rate),
      col((l) => l.amountKopecks.toString()),
      col((l) => l.explanation),
      col((l) => l.ground),
      col((l) => l.correctsPeriod),
    ],
  );
}

/** Recalculations ordered for the batch's accounts, taken into this run as signed lines. */
async function applyRecalculations(tx: Queryable, run: RunRow, accountIds: string[]) {
  await tx.query(
    `WITH taken AS (
       UPDATE billing_recalculations SET applied_run_id = $1
        WHERE personal_account_id = ANY($3::uuid[]) AND applied_run_id IS NULL
          AND organisation_id = $4 AND corrects_period < $2
        RETURNING personal_account_id, service, corrects_period, amount_kopecks, ground)
     INSERT INTO billing_charges (run_id, period, personal_account_id, service, zone, kind, method,
       amount_kopecks, explanation, ground, corrects_period)
     SELECT $1, $2, personal_account_id, service, 'single', 'recalculation', 'manual', amount_kopecks,
            'Перерасчёт за ' || corrects_period || ': ' || ground, ground, corrects_period FROM taken`,
    [run.id, run.period, accountIds, run.organisationId],
  );
}

/**
 * The common-house share (ОДН): what the house meter counted beyond the individual volumes,
 * spread over the accounts by area, in one statement per resource.
 */
async function commonHouseLines(
  db: Queryable,
  run: RunRow,
  houseMeters: Map<string, string>,
  tariffs: Map<string, string>,
) {
  for (const [key, quantity] of houseMeters) {
    const [resource] = key.split(':');
    const service = resource === 'heat' ? null : resource;
    const rate = service ? tariffs.get(`${service}:single`) : undefined;

    if (!service || !rate) {
      continue;
    }

    await db.query(
      `WITH individual AS (
         SELECT coalesce(sum(quantity), 0) AS q FROM billing_charges WHERE run_id = $1 AND service = $3
            AND kind = 'charge' AND method IN ('metered', 'average', 'norm')),
       excess AS (SELECT $4::numeric - q AS q FROM individual),
       shares AS (
         SELECT c.personal_account_id AS account, c.quantity AS area,
                sum(c.quantity) OVER () AS total
           FROM billing_charges c WHERE c.run_id = $1 AND c.service = 'maintenance' AND c.kind = 'charge')
       INSERT INTO billing_charges (run_id, period, personal_account_id, service, zone, kind, method,
         quantity, unit, rate, amount_kopecks, explanation)
       SELECT $1, $2, s.account, $3, 'single', 'charge', 'common_house',
              round(e.q * s.area / s.total, 3), $6, $5::numeric,
              round(round(e.q * s.area / s.total, 3) * $5::numeric * 100),
              'ОДН: (ОДПУ ' || $4 || ' − индивидуальные ' || (SELECT q FROM individual) || ') × '
                || s.area || ' / ' || s.total || ' м²'
         FROM shares s CROSS JOIN excess e WHERE e.q > 0 AND s.total > 0`,
      [run.id, run.period, service, quantity, rate, service === 'electricity' ? 'kwh' : 'm3'],
    );
  }
}

/**
 * Computes a run: replaces its draft lines, then bills the house's accounts in batches — one
 * read of the batch's history and ledger, one insert of its lines — updating progress after each
 * batch so the UI can show it. Each batch commits on its own, so progress is visible and a crash
 * leaves a run that a rerun simply redoes.
 */
export async function executeRun(
  ctx: Pick<AppContext, 'db' | 'logger'>,
  runId: string,
  batchSize = RUN_BATCH_SIZE,
) {
  const [run] = await ctx.db.query<RunRow>(
    `UPDATE billing_runs SET status = 'running', started_at = now(), accounts_done = 0, error = NULL
      WHERE id = $1 AND status IN ('queued', 'running', 'draft', 'failed')
      RETURNING id, organisation_id AS "organisationId", house_id AS "houseId", period`,
    [runId],
  );

  if (!run) {
    return;
  }

  try {
    await ctx.db.transaction(async (tx) => {
      await tx.query('DELETE FROM billing_charges WHERE run_id = $1', [run.id]);
      await tx.query(
        'UPDATE billing_recalculations SET applied_run_id = NULL WHERE applied_run_id = $1',
        [run.id],
      );
    });

    const settings = await findSettings(ctx.db, run.organisationId);
    const rules = {
      ...DEFAULT_AVERAGE_RULES,
      baseMonths: settings?.averageBaseMonths ?? DEFAULT_AVERAGE_RULES.baseMonths,
      maxPeriods: settings?.averageMaxPeriods ?? DEFAULT_AVERAGE_RULES.maxPeriods,
    };
    const context = await loadRunContext(ctx.db, run);
    const total = await countAccounts(ctx.db, context);

    await ctx.db.query('UPDATE billing_runs SET accounts_total = $2 WHERE id = $1', [
      run.id,
      total,
    ]);

    let after: string | null = null;

    for (;;) {
      const accounts = await nextAccounts(ctx.db, context, after, batchSize);

      if (accounts.length === 0) {
        break;
      }

      after = accounts.at(-1)!.id;

      const ids = accounts.map((a) => a.id);
      const history = await loadHistory(ctx.db, ids, run.period, rules.baseMonths);
      const lines = accounts.flatMap((a) => chargeLinesOf(context, a, history, rules));
      const penalties =
        settings?.penalties === false
          ? []
          : await penaltyLinesOf(ctx.db, ids, run.period, {
              dueDay: settings?.paymentDueDay ?? 10,
              policy: settings?.allocation ?? 'oldest_first',
            });

      await ctx.db.transaction(async (tx) => {
        await insertLines(tx, run.id, run.period, [...lines, ...penalties]);
        await applyRecalculations(tx, run, ids);
        await tx.query('UPDATE billing_runs SET accounts_done = accounts_done + $2 WHERE id = $1', [
          run.id,
          accounts.length,
        ]);
      });
    }

    if (settings?.commonHouseShare) {
      await commonHouseLines(ctx.db, run, context.houseMeters, context.tariffs);
    }

    await ctx.db.query(
      `UPDATE billing_runs SET status = 'draft', finished_at = now(),
         charged_kopecks = (SELECT coalesce(sum(amount_kopecks), 0) FROM billing_charges WHERE run_id = $1 AND kind <> 'penalty'),
         penalty_kopecks = (SELECT coalesce(sum(amount_kopecks), 0) FROM billing_charges WHERE run_id = $1 AND kind = 'penalty')
       WHERE id = $1`,
      [run.id],
    );
    ctx.logger.info({ module: 'billing', runId: run.id, accounts: total }, 'billing run computed');
  } catch (error) {
    ctx.logger.error({ module: 'billing', runId: run.id, err: error }, 'billing run failed');
    await ctx.db.query(
      `UPDATE billing_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [run.id, String((error as Error).message ?? error).slice(0, 500)],
    );
    throw error;
  }
}
