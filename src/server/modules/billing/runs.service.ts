import { addMonths, isPeriod, lastDay } from '../../../domain/billing/period.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { lockReadingPeriod } from '../meters/billing-consumption.js';
import { businessToday, notFound } from './billing-common.js';

export type RunView = {
  id: string;
  organisationId: string;
  houseId: string;
  houseAddress: string;
  period: string;
  status: 'queued' | 'running' | 'draft' | 'failed' | 'closed';
  accountsTotal: number;
  accountsDone: number;
  chargedKopecks: number;
  penaltyKopecks: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  closedAt: string | null;
};

const RUN_COLUMNS = `r.id, r.organisation_id AS "organisationId", r.house_id AS "houseId",
  h.address AS "houseAddress", r.period, r.status, r.accounts_total AS "accountsTotal",
  r.accounts_done AS "accountsDone", r.charged_kopecks AS "chargedKopecks",
  r.penalty_kopecks AS "penaltyKopecks", r.error,
  to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt",
  to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt",
  to_char(r.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "closedAt"`;

export async function findRun(db: Queryable, id: string): Promise<RunView | null> {
  const [row] = await db.query<RunView>(
    `SELECT ${RUN_COLUMNS} FROM billing_runs r JOIN houses h ON h.id = r.house_id WHERE r.id = $1`,
    [id],
  );

  return row ?? null;
}

async function requireRun(db: Queryable, id: string) {
  const run = await findRun(db, id);

  if (!run) {
    throw notFound('Расчёт не найден', 'No such billing run');
  }

  return run;
}

async function requireManagedHouse(db: Queryable, organisationId: string, houseId: string) {
  const [row] = await db.query(
    'SELECT 1 FROM houses WHERE id = $1 AND managing_organisation_id = $2',
    [houseId, organisationId],
  );

  if (!row) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.houseId', rule: 'managed', message: 'a house the organisation manages' },
      ],
    });
  }
}

/** A stale `running` run (its worker died) may be restarted after the job's expiry. */
const STALE = `status = 'running' AND started_at < now() - interval '1 hour'`;

/**
 * Queues a run of the house for the period. Rerunning a draft replaces its lines; a closed
 * period, a period before a closed one, or a run in progress is refused.
 */
export async function startRun(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: { houseId: string; period: string },
) {
  await authorize(ctx, acting.user, 'billing.manage', { organisationId });
  await requireManagedHouse(ctx.db, organisationId, input.houseId);

  // A month is billed once it has begun: a future period would post charges nobody owes yet and,
  // once closed, would bar the months before it for good.
  if (input.period > businessToday().slice(0, 7)) {
    throw new AppError('billing_period_in_future');
  }

  const run = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.query<{ id: string; status: string; stale: boolean }>(
      `SELECT id, status, (${STALE}) AS stale FROM billing_runs WHERE house_id = $1 AND period = $2 FOR UPDATE`,
      [input.houseId, input.period],
    );
    const [later] = await tx.query(
      `SELECT 1 FROM billing_runs WHERE house_id = $1 AND period > $2 AND status = 'closed'`,
      [input.houseId, input.period],
    );

    if (existing?.status === 'closed') {
      throw new AppError('billing_period_closed');
    }

    if (later) {
      throw new AppError('billing_period_closed', {
        detail: {
          ru: 'Более поздний период уже закрыт; исправления вносятся перерасчётом',
          en: 'A later period is closed already; corrections are recalculations',
        },
      });
    }

    if (existing && ['queued', 'running'].includes(existing.status) && !existing.stale) {
      throw new AppError('billing_run_in_progress');
    }

    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO billing_runs (organisation_id, house_id, period, status, started_by)
       VALUES ($1, $2, $3, 'queued', $4)
       ON CONFLICT (house_id, period) DO UPDATE SET status = 'queued', started_by = $4,
         started_at = now(), finished_at = NULL, accounts_done = 0, error = NULL
       RETURNING id`,
      [organisationId, input.houseId, input.period, acting.user!.id],
    );

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: existing ? 'billing_run.rerun' : 'billing_run.started',
      objectType: 'billing_run',
      objectId: row!.id,
      after: { organisationId, ...input },
    });

    return row!;
  });

  const jobId = await ctx.jobs.send('billing-run', { runId: run.id }, { expireInSeconds: 3_600 });

  await ctx.db.query('UPDATE billing_runs SET job_id = $2 WHERE id = $1', [run.id, jobId]);

  return (await findRun(ctx.db, run.id))!;
}

export async function listRuns(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: PageQuery & { houseId?: string; period?: string },
) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const params = [organisationId, query.houseId ?? null, query.period ?? null];
  const where = `r.organisation_id = $1 AND ($2::uuid IS NULL OR r.house_id = $2)
    AND ($3::text IS NULL OR r.period = $3)`;
  const items = await ctx.db.query<RunView>(
    `SELECT ${RUN_COLUMNS} FROM billing_runs r JOIN houses h ON h.id = r.house_id WHERE ${where}
      ORDER BY r.period DESC, h.address LIMIT $4 OFFSET $5`,
    [...params, query.limit, offsetOf(query)],
  );
  const [count] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM billing_runs r WHERE ${where}`,
    params,
  );

  return { items, total: count?.n ?? 0, page: query.page, limit: query.limit };
}

export async function getRun(ctx: AppContext, acting: Acting, id: string) {
  const run = await requireRun(ctx.db, id);

  await authorize(ctx, acting.user, 'billing.read', { organisationId: run.organisationId });

  return run;
}

export async function listRunCharges(
  ctx: AppContext,
  acting: Acting,
  id: string,
  query: PageQuery,
) {
  const run = await getRun(ctx, acting, id);
  const items = await ctx.db.query<{
    id: string;
    personalAccountId: string;
    accountNumber: string;
    premiseNumber: string;
    service: string;
    zone: string;
    kind: string;
    method: string;
    quantity: string | null;
    unit: string | null;
    rate: string | null;
    amountKopecks: number;
    explanation: string;
  }>(
    `SELECT c.id, c.personal_account_id AS "personalAccountId", a.number AS "accountNumber",
            p.number AS "premiseNumber", c.service, c.zone, c.kind, c.method, c.quantity::text AS quantity,
            c.unit, c.rate::text AS rate, c.amount_kopecks AS "amountKopecks", c.explanation
       FROM billing_charges c JOIN personal_accounts a ON a.id = c.personal_account_id
       JOIN premises p ON p.id = a.premise_id
      WHERE c.run_id = $1 ORDER BY a.number, c.kind, c.service, c.zone LIMIT $2 OFFSET $3`,
    [run.id, query.limit, offsetOf(query)],
  );
  const [count] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM billing_charges WHERE run_id = $1',
    [run.id],
  );

  return { items, total: count?.n ?? 0, page: query.page, limit: query.limit };
}

/**
 * Closes the period: the draft's lines become ledger entries dated the period's last day, the
 * run is locked, and the meters module freezes the period's readings. Periods close in order.
 */
export async function closeRun(ctx: AppContext, acting: Acting, id: string) {
  const run = await requireRun(ctx.db, id);

  await authorize(ctx, acting.user, 'billing.manage', { organisationId: run.organisationId });

  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.query<{ status: string }>(
      'SELECT status FROM billing_runs WHERE id = $1 FOR UPDATE',
      [id],
    );

    if (locked?.status === 'closed') {
      throw new AppError('billing_period_closed');
    }

    if (locked?.status !== 'draft') {
      throw new AppError('billing_run_not_draft');
    }

    const [earlierOpen] = await tx.query(
      `SELECT 1 FROM billing_runs WHERE house_id = $1 AND period < $2 AND status <> 'closed'`,
      [run.houseId, run.period],
    );

    // Nor may a month be skipped: the period closed last must be the one right before this.
    const [lastClosed] = await tx.query<{ period: string | null }>(
      `SELECT max(period) AS period FROM billing_runs WHERE house_id = $1 AND status = 'closed'`,
      [run.houseId],
    );
    const skips = lastClosed?.period != null && addMonths(lastClosed.period, 1) !== run.period;

    if (earlierOpen || skips) {
      throw new AppError('billing_period_out_of_order');
    }

    await tx.query(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, period, kind, amount_kopecks,
         service, description, source_type, source_id, created_by)
       SELECT c.personal_account_id, $2::date, c.period,
              CASE c.kind WHEN 'charge' THEN 'accrual' ELSE c.kind END,
              c.amount_kopecks, c.service, c.explanation, 'billing_run', c.id, $3
         FROM billing_charges c WHERE c.run_id = $1 AND c.amount_kopecks <> 0`,
      [id, lastDay(run.period), acting.user!.id],
    );
    await tx.query(
      `UPDATE billing_runs SET status = 'closed', closed_at = now(), closed_by = $2 WHERE id = $1`,
      [id, acting.user!.id],
    );
    await lockReadingPeriod(tx, { houseId: run.houseId, period: run.period, billingRunId: id });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'billing_run.closed',
      objectType: 'billing_run',
      objectId: id,
      after: { houseId: run.houseId, period: run.period, chargedKopecks: run.chargedKopecks },
    });
  });

  return (await findRun(ctx.db, id))!;
}

/** Orders a recalculation of a closed period; it lands in the account's next run. */
export async function createRecalculation(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: {
    personalAccountId: string;
    service: string;
    correctsPeriod: string;
    amountKopecks: number;
    ground: string;
  },
) {
  await authorize(ctx, acting.user, 'billing.manage', { organisationId });

  const [account] = await ctx.db.query<{ houseId: string }>(
    `SELECT p.house_id AS "houseId" FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
      WHERE a.id = $1 AND a.organisation_id = $2`,
    [input.personalAccountId, organisationId],
  );

  if (!account) {
    throw notFound('Лицевой счёт организации не найден', 'No such account of the organisation');
  }

  if (!isPeriod(input.correctsPeriod)) {
    throw new AppError('validation_failed');
  }

  const [closed] = await ctx.db.query(
    `SELECT 1 FROM billing_runs WHERE house_id = $1 AND period = $2 AND status = 'closed'`,
    [account.houseId, input.correctsPeriod],
  );

  if (!closed) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field: 'body.correctsPeriod',
          rule: 'closed',
          message: 'a closed period; an open one is corrected by rerunning it',
        },
      ],
    });
  }

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO billing_recalculations (organisation_id, personal_account_id, service,
         corrects_period, amount_kopecks, ground, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        organisationId,
        input.personalAccountId,
        input.service,
        input.correctsPeriod,
        input.amountKopecks,
        input.ground,
        acting.user!.id,
      ],
    );

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'recalculation.ordered',
      objectType: 'billing_recalculation',
      objectId: row!.id,
      after: input,
    });

    return { id: row!.id, ...input, appliedRunId: null };
  });
}
