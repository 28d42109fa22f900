import type { Queryable } from '../../platform/db/database.js';
import { firstDayOf, lastDayOf } from '../../../domain/meters/periods.js';

export type SeriesMeter = {
  id: string;
  premiseId: string | null;
  houseId: string;
  resource: string;
  zones: number;
  integerDigits: number;
  fractionDigits: number;
  status: string;
  replacesMeterId: string | null;
  closedOn: string | null;
  nextVerificationOn: string | null;
};

export type SeriesRow = {
  meterId: string;
  zone: string;
  kind: 'initial' | 'regular' | 'final';
  value: string;
  confirmed: 'rollover' | 'jump' | null;
  billable: boolean;
  notBillableReason: string | null;
};

const KIND_RANK = `CASE r.kind WHEN 'final' THEN 3 WHEN 'regular' THEN 2 ELSE 1 END`;

/** Meters of the houses that existed at some point of the period. */
export async function findPeriodMeters(
  db: Queryable,
  houseIds: string[],
  period: string,
): Promise<SeriesMeter[]> {
  return db.query<SeriesMeter>(
    `SELECT id, premise_id AS "premiseId", house_id AS "houseId", resource, zones,
       integer_digits AS "integerDigits", fraction_digits AS "fractionDigits", status,
       replaces_meter_id AS "replacesMeterId", to_char(closed_on, 'YYYY-MM-DD') AS "closedOn",
       to_char(next_verification_on, 'YYYY-MM-DD') AS "nextVerificationOn"
     FROM meters
     WHERE house_id = ANY($1::uuid[]) AND installed_on <= $3::date
       AND (closed_on IS NULL OR closed_on >= $2::date)
     ORDER BY house_id, premise_id NULLS FIRST, resource, id`,
    [houseIds, firstDayOf(period), lastDayOf(period)],
  );
}

/** The readings of the period itself: regular, a new meter's initial, a replaced one's final. */
export async function findPeriodReadings(
  db: Queryable,
  meterIds: string[],
  period: string,
): Promise<SeriesRow[]> {
  return db.query<SeriesRow>(
    `SELECT r.meter_id AS "meterId", r.zone, r.kind, r.value::text AS value, r.confirmed,
       r.billable, r.not_billable_reason AS "notBillableReason"
     FROM meter_readings r
     WHERE r.meter_id = ANY($1::uuid[]) AND r.period = $2
     ORDER BY r.meter_id, r.zone, ${KIND_RANK}, r.taken_on`,
    [meterIds, period],
  );
}

/**
 * The base each period reading is counted from: the latest earlier reading of the same meter and
 * zone. A flagged decrease is never a base (it would bill the error back next month).
 */
export async function findBases(
  db: Queryable,
  meterIds: string[],
  period: string,
): Promise<SeriesRow[]> {
  return db.query<SeriesRow>(
    `SELECT DISTINCT ON (r.meter_id, r.zone) r.meter_id AS "meterId", r.zone, r.kind,
       r.value::text AS value, r.confirmed, r.billable, r.not_billable_reason AS "notBillableReason"
     FROM meter_readings r JOIN meters m ON m.id = r.meter_id
     WHERE r.meter_id = ANY($1::uuid[])
       AND (r.period < $2 OR (r.period = $2 AND r.kind = 'initial')
            OR (r.period = $2 AND r.kind = 'regular' AND m.status <> 'active'))
       AND r.not_billable_reason IS DISTINCT FROM 'lower_than_previous'
     ORDER BY r.meter_id, r.zone, r.period DESC, ${KIND_RANK} DESC, r.taken_on DESC`,
    [meterIds, period],
  );
}
