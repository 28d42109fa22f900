import { decimalToString, parseDecimal, roundDecimal } from '../../../domain/billing/money.js';
import { addMonths, firstDay, lastDay } from '../../../domain/billing/period.js';
import type { Queryable } from '../../platform/db/database.js';
import {
  listBillableConsumption,
  listMetersWithoutReading,
} from '../meters/billing-consumption.js';

/** What a run needs to know about a house before it bills the first account. */
export type RunContext = {
  runId: string;
  organisationId: string;
  houseId: string;
  period: string;
  /** service:zone → roubles per unit, as in force on the period's first day. */
  tariffs: Map<string, string>;
  /** service:zone → { quantity, basis }. */
  norms: Map<string, { quantity: string; basis: 'per_person' | 'per_m2' }>;
  /** premise → resource:zone → meter volumes (null: a meter of it has no billable volume). */
  metered: Map<
    string,
    Map<string, { quantity: string | null; reason: 'no_reading' | 'verification_expired' | null }>
  >;
  /** resource:zone → the common-house meter's volume. */
  houseMeters: Map<string, string>;
  houseAreaM2: string;
};

export const keyOf = (a: string, b: string) => `${a}:${b}`;

/** Adds two exact volumes, keeping six fraction digits (meters carry at most six). */
export function addQuantity(a: string, b: string): string {
  const x = roundDecimal(parseDecimal(a)!, 6);
  const y = roundDecimal(parseDecimal(b)!, 6);

  return decimalToString({ units: x.units + y.units, scale: 6 });
}

export async function loadRunContext(
  db: Queryable,
  run: { id: string; organisationId: string; houseId: string; period: string },
): Promise<RunContext> {
  const first = firstDay(run.period);
  const scope = [run.organisationId, run.houseId, first];
  const inForce = `organisation_id = $1 AND (house_id = $2 OR house_id IS NULL)
    AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`;
  const [tariffRows, normRows, consumption, missing, area] = await Promise.all([
    db.query<{ service: string; zone: string; rate: string }>(
      `SELECT DISTINCT ON (service, zone) service, zone, rate::text AS rate FROM billing_tariffs
        WHERE ${inForce} ORDER BY service, zone, house_id NULLS LAST, valid_from DESC`,
      scope,
    ),
    db.query<{ service: string; zone: string; quantity: string; basis: 'per_person' | 'per_m2' }>(
      `SELECT DISTINCT ON (service, zone) service, zone, quantity::text AS quantity, basis
         FROM billing_norms WHERE ${inForce} ORDER BY service, zone, house_id NULLS LAST, valid_from DESC`,
      scope,
    ),
    listBillableConsumption(db, { houseIds: [run.houseId], period: run.period }),
    listMetersWithoutReading(db, { houseIds: [run.houseId], period: run.period }),
    db.query<{ area: string | null }>(
      `SELECT sum(area_total)::text AS area FROM premises WHERE house_id = $1`,
      [run.houseId],
    ),
  ]);
  const metered: RunContext['metered'] = new Map();
  const houseMeters = new Map<string, string>();
  type Slot = Map<
    string,
    { quantity: string | null; reason: 'no_reading' | 'verification_expired' | null }
  >;
  const slot = (premiseId: string): Slot => {
    const byKey: Slot = metered.get(premiseId) ?? (new Map() as Slot);

    metered.set(premiseId, byKey);

    return byKey;
  };

  for (const c of consumption) {
    const key = keyOf(c.resource, c.zone);

    if (c.premiseId === null) {
      if (c.billable) {
        houseMeters.set(key, addQuantity(houseMeters.get(key) ?? '0', c.quantity));
      }
      continue;
    }

    const byKey = slot(c.premiseId);
    const seen = byKey.get(key);

    if (!c.billable) {
      byKey.set(key, {
        quantity: null,
        reason: c.reason === 'verification_expired' ? 'verification_expired' : 'no_reading',
      });
    } else if (!seen || seen.quantity !== null) {
      byKey.set(key, { quantity: addQuantity(seen?.quantity ?? '0', c.quantity), reason: null });
    }
  }

  for (const m of missing) {
    if (m.premiseId !== null) {
      slot(m.premiseId).set(keyOf(m.resource, m.zone), {
        quantity: null,
        reason: m.reason,
      });
    }
  }

  return {
    runId: run.id,
    organisationId: run.organisationId,
    houseId: run.houseId,
    period: run.period,
    tariffs: new Map(tariffRows.map((t) => [keyOf(t.service, t.zone), t.rate])),
    norms: new Map(
      normRows.map((n) => [keyOf(n.service, n.zone), { quantity: n.quantity, basis: n.basis }]),
    ),
    metered,
    houseMeters,
    houseAreaM2: area[0]?.area ?? '0',
  };
}

export type RunAccount = {
  id: string;
  premiseId: string;
  /** The account's part of the premise's area (the premise's area over its open accounts). */
  areaM2: string;
  persons: number;
};

/**
 * The next batch of the house's accounts open in the period, by id. People counted for norms are
 * the registered residents, or the owners when nobody is registered (ПП 354 п. 56(2)).
 */
export async function nextAccounts(
  db: Queryable,
  ctx: RunContext,
  afterId: string | null,
  limit: number,
): Promise<RunAccount[]> {
  // The page first (an index range of one house), then counts for its premises only: the
  // statement costs the same for the 1st and the 1,000th batch of a large house.
  return db.query<RunAccount>(
    `WITH page AS (
       SELECT a.id, a.premise_id FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
        WHERE p.house_id = $1 AND a.organisation_id = $2 AND a.opened_on <= $4::date
          AND (a.closed_on IS NULL OR a.closed_on >= $3::date) AND ($5::uuid IS NULL OR a.id > $5::uuid)
        ORDER BY a.id LIMIT $6),
     shares AS (
       SELECT a.premise_id, count(*) AS n FROM personal_accounts a
        WHERE a.premise_id IN (SELECT premise_id FROM page) AND a.organisation_id = $2
          AND a.opened_on <= $4::date AND (a.closed_on IS NULL OR a.closed_on >= $3::date)
        GROUP BY a.premise_id),
     living AS (
       SELECT r.premise_id, count(*) FILTER (WHERE r.registered_on IS NULL OR r.registered_on <= $4::date) AS n
         FROM residents r WHERE r.premise_id IN (SELECT premise_id FROM page)
          AND (r.deregistered_on IS NULL OR r.deregistered_on >= $3::date)
        GROUP BY r.premise_id),
     owning AS (
       SELECT w.premise_id, count(*) AS n FROM ownerships w
        WHERE w.premise_id IN (SELECT premise_id FROM page) AND w.ended_on IS NULL GROUP BY w.premise_id)
     SELECT page.id, page.premise_id AS "premiseId", round(p.area_total / s.n, 4)::text AS "areaM2",
            (CASE WHEN l.premise_id IS NOT NULL THEN l.n ELSE coalesce(o.n, 0) END)::int AS persons
       FROM page JOIN premises p ON p.id = page.premise_id JOIN shares s ON s.premise_id = page.premise_id
       LEFT JOIN living l ON l.premise_id = page.premise_id LEFT JOIN owning o ON o.premise_id = page.premise_id
      ORDER BY page.id`,
    [ctx.houseId, ctx.organisationId, firstDay(ctx.period), lastDay(ctx.period), afterId, limit],
  );
}

export async function countAccounts(
  db: Queryable,
  ctx: Pick<RunContext, 'houseId' | 'organisationId' | 'period'>,
) {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
      WHERE p.house_id = $1 AND a.organisation_id = $2 AND a.opened_on <= $4::date
        AND (a.closed_on IS NULL OR a.closed_on >= $3::date)`,
    [ctx.houseId, ctx.organisationId, firstDay(ctx.period), lastDay(ctx.period)],
  );

  return row?.n ?? 0;
}

export type HistoryLine = {
  accountId: string;
  service: string;
  zone: string;
  period: string;
  method: string;
  quantity: string;
};

/** Volumes billed in closed periods before this one, for averages (newest first). */
export async function loadHistory(
  db: Queryable,
  accountIds: string[],
  period: string,
  months: number,
): Promise<Map<string, HistoryLine[]>> {
  const rows = await db.query<HistoryLine>(
    `SELECT c.personal_account_id AS "accountId", c.service, c.zone, c.period, c.method,
            c.quantity::text AS quantity
       FROM billing_charges c JOIN billing_runs r ON r.id = c.run_id AND r.status = 'closed'
      WHERE c.personal_account_id = ANY($1::uuid[]) AND c.kind = 'charge'
        AND c.method IN ('metered', 'average', 'norm') AND c.period >= $2 AND c.period < $3
      ORDER BY c.period DESC`,
    [accountIds, addMonths(period, -Math.max(months, 12)), period],
  );
  const out = new Map<string, HistoryLine[]>();

  for (const row of rows) {
    const key = `${row.accountId}:${row.service}:${row.zone}`;

    out.set(key, [...(out.get(key) ?? []), row]);
  }

  return out;
}
