import type { Queryable } from '../../platform/db/database.js';
import { managerSql } from '../house-register/house-manager.js';

export type PremisePeriodQuantity = {
  premiseId: string;
  resource: string;
  zone: string;
  period: string;
  quantity: string;
};

/**
 * Consumption of every premise of the house per resource, zone and period, from the readings:
 * each reading counts from the one before it on the same meter (a replaced meter's final value
 * and its successor's first reading are two segments of one period — case C11). Exact numerics.
 */
export async function findHouseConsumption(
  db: Queryable,
  input: { houseId: string; from: string; to: string },
): Promise<PremisePeriodQuantity[]> {
  return db.query<PremisePeriodQuantity>(
    `WITH seg AS (
       SELECT m.premise_id, m.resource, r.zone, r.period, r.kind, r.value, r.confirmed,
         m.integer_digits,
         LAG(r.value) OVER (PARTITION BY r.meter_id, r.zone ORDER BY r.period,
           CASE r.kind WHEN 'final' THEN 3 WHEN 'regular' THEN 2 ELSE 1 END, r.taken_on) AS prev
       FROM meter_readings r JOIN meters m ON m.id = r.meter_id
       WHERE m.house_id = $1 AND m.premise_id IS NOT NULL AND r.period <= $3
         AND r.not_billable_reason IS DISTINCT FROM 'lower_than_previous')
     SELECT premise_id AS "premiseId", resource, zone, period,
       SUM(CASE WHEN prev IS NULL THEN 0 WHEN value >= prev THEN value - prev
                WHEN confirmed = 'rollover' THEN power(10::numeric, integer_digits) - prev + value
                ELSE 0 END)::text AS quantity
     FROM seg WHERE kind <> 'initial' AND period >= $2
     GROUP BY premise_id, resource, zone, period`,
    [input.houseId, input.from, input.to],
  );
}

export async function countResidents(db: Queryable, premiseId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM residents
     WHERE premise_id = $1 AND (deregistered_on IS NULL OR deregistered_on > CURRENT_DATE)`,
    [premiseId],
  );

  return rows[0]?.n ?? 0;
}

export async function findManagedHouses(
  db: Queryable,
  organisationId: string,
): Promise<{ id: string; address: string; today: string }[]> {
  return db.query(
    `SELECT h.id, h.address, to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today
     FROM houses h
     WHERE ${managerSql('h')} = $1 AND EXISTS (SELECT 1 FROM meters m WHERE m.house_id = h.id)
     ORDER BY h.address`,
    [organisationId],
  );
}
