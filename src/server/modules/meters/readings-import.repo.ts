import type { Queryable } from '../../platform/db/database.js';
import { managerSql } from '../house-register/house-manager.js';
import { READING_INSERT_COLUMNS, readingCells, type NewReading } from './readings.repo.js';

export type ImportMeter = {
  id: string;
  serialNumber: string;
  houseId: string;
  zones: number;
  integerDigits: number;
  fractionDigits: number;
  installedOn: string;
  nextVerificationOn: string | null;
  today: string;
};

/** The active meters of the houses the organisation manages today, by serial number. */
export async function findImportMeters(
  db: Queryable,
  organisationId: string,
): Promise<ImportMeter[]> {
  return db.query<ImportMeter>(
    `SELECT m.id, m.serial_number AS "serialNumber", m.house_id AS "houseId", m.zones,
       m.integer_digits AS "integerDigits", m.fraction_digits AS "fractionDigits",
       to_char(m.installed_on, 'YYYY-MM-DD') AS "installedOn",
       to_char(m.next_verification_on, 'YYYY-MM-DD') AS "nextVerificationOn",
       to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today
     FROM meters m JOIN houses h ON h.id = m.house_id
     WHERE m.status = 'active' AND ${managerSql('h')} = $1`,
    [organisationId],
  );
}

export type LastTwo = {
  meterId: string;
  zone: string;
  period: string;
  kind: string;
  value: string;
  rn: number;
};

/** The two latest readings of every zone of the meters (a decrease flagged earlier is no base). */
export async function findLastTwo(db: Queryable, meterIds: string[]): Promise<LastTwo[]> {
  return db.query<LastTwo>(
    `SELECT "meterId", zone, period, kind, value, rn FROM (
       SELECT r.meter_id AS "meterId", r.zone, r.period, r.kind, r.value::text AS value,
         row_number() OVER (PARTITION BY r.meter_id, r.zone ORDER BY r.period DESC,
           CASE r.kind WHEN 'final' THEN 3 WHEN 'regular' THEN 2 ELSE 1 END DESC,
           r.taken_on DESC)::int AS rn
       FROM meter_readings r
       WHERE r.meter_id = ANY($1::uuid[])
         AND r.not_billable_reason IS DISTINCT FROM 'lower_than_previous') x
     WHERE rn <= 2`,
    [meterIds],
  );
}

/** First and last value of each zone over the last year, for the average the jump rule needs. */
export async function findYearSpans(
  db: Queryable,
  meterIds: string[],
  fromPeriod: string,
): Promise<
  {
    meterId: string;
    zone: string;
    first: string;
    last: string;
    minValue: string;
    maxValue: string;
  }[]
> {
  return db.query(
    `SELECT r.meter_id AS "meterId", r.zone, min(r.period) AS first, max(r.period) AS last,
       min(r.value)::text AS "minValue", max(r.value)::text AS "maxValue"
     FROM meter_readings r
     WHERE r.meter_id = ANY($1::uuid[]) AND r.period >= $2 AND r.confirmed IS DISTINCT FROM 'rollover'
       AND r.not_billable_reason IS DISTINCT FROM 'lower_than_previous'
     GROUP BY r.meter_id, r.zone`,
    [meterIds, fromPeriod],
  );
}

export async function findLocks(
  db: Queryable,
  houseIds: string[],
): Promise<{ houseId: string; period: string }[]> {
  return db.query(
    'SELECT house_id AS "houseId", period FROM meter_period_locks WHERE house_id = ANY($1::uuid[])',
    [houseIds],
  );
}

const TYPES = [
  'uuid',
  'text',
  'text',
  'text',
  'numeric',
  'date',
  'text',
  'uuid',
  'text',
  'text',
  'boolean',
  'text',
  'uuid',
  'uuid',
];

/**
 * Stores a batch of readings in one statement: one array parameter per column, unnested, so a
 * batch of any size is fourteen parameters. A reading of a period already stored is replaced.
 */
export async function insertReadingBatch(tx: Queryable, batch: NewReading[]): Promise<void> {
  if (batch.length === 0) {
    return;
  }

  const columns: unknown[][] = READING_INSERT_COLUMNS.map(() => []);

  for (const reading of batch) {
    readingCells(reading).forEach((cell, i) => columns[i]!.push(cell));
  }

  const unnest = TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ');

  await tx.query(
    `INSERT INTO meter_readings (${READING_INSERT_COLUMNS.join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT (meter_id, zone, period) WHERE kind = 'regular' DO UPDATE SET
       value = EXCLUDED.value, taken_on = EXCLUDED.taken_on, source = EXCLUDED.source,
       submitted_by_person_id = EXCLUDED.submitted_by_person_id, flag = EXCLUDED.flag,
       confirmed = EXCLUDED.confirmed, billable = EXCLUDED.billable,
       not_billable_reason = EXCLUDED.not_billable_reason, import_id = EXCLUDED.import_id,
       updated_at = now()`,
    columns,
  );
}

export async function insertImport(
  tx: Queryable,
  row: {
    id: string;
    organisationId: string;
    fileName: string | null;
    personId: string | null;
    total: number;
    imported: number;
    flagged: number;
    refused: number;
    problems: unknown[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO meter_reading_imports (id, organisation_id, file_name, created_by_person_id,
       rows_total, rows_imported, rows_flagged, rows_refused, problems)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.id,
      row.organisationId,
      row.fileName,
      row.personId,
      row.total,
      row.imported,
      row.flagged,
      row.refused,
      JSON.stringify(row.problems),
    ],
  );
}
