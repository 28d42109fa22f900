import type { Queryable } from '../../platform/db/database.js';

export type ReadingRow = {
  id: string;
  meterId: string;
  zone: string;
  period: string;
  kind: 'initial' | 'regular' | 'final';
  value: string;
  takenOn: string;
  source: string;
  flag: string | null;
  confirmed: 'rollover' | 'jump' | null;
  billable: boolean;
  notBillableReason: string | null;
  photoFileId: string | null;
  locked: boolean;
};

const KIND_RANK = `CASE r.kind WHEN 'final' THEN 3 WHEN 'regular' THEN 2 ELSE 1 END`;

const READING_COLUMNS = `r.id, r.meter_id AS "meterId", r.zone, r.period, r.kind,
  r.value::text AS value, to_char(r.taken_on, 'YYYY-MM-DD') AS "takenOn", r.source, r.flag,
  r.confirmed, r.billable, r.not_billable_reason AS "notBillableReason",
  r.photo_file_id AS "photoFileId",
  EXISTS (SELECT 1 FROM meter_period_locks l JOIN meters lm ON lm.house_id = l.house_id
          WHERE lm.id = r.meter_id AND l.period >= r.period) AS locked`;

/** Every reading of the meters, oldest first: the history and what the rules compare with. */
export async function findReadings(db: Queryable, meterIds: string[]): Promise<ReadingRow[]> {
  return db.query<ReadingRow>(
    `SELECT ${READING_COLUMNS} FROM meter_readings r WHERE r.meter_id = ANY($1::uuid[])
     ORDER BY r.meter_id, r.zone, r.period, ${KIND_RANK}, r.taken_on`,
    [meterIds],
  );
}

/** The latest reading of each zone of each meter. */
export async function findLastReadings(db: Queryable, meterIds: string[]): Promise<ReadingRow[]> {
  return db.query<ReadingRow>(
    `SELECT DISTINCT ON (r.meter_id, r.zone) ${READING_COLUMNS} FROM meter_readings r
     WHERE r.meter_id = ANY($1::uuid[])
     ORDER BY r.meter_id, r.zone, r.period DESC, ${KIND_RANK} DESC, r.taken_on DESC`,
    [meterIds],
  );
}

export type NewReading = {
  meterId: string;
  zone: string;
  period: string;
  kind: 'initial' | 'regular' | 'final';
  value: string;
  takenOn: string;
  source: string;
  submittedByPersonId: string | null;
  flag: string | null;
  confirmed: string | null;
  billable: boolean;
  notBillableReason: string | null;
  photoFileId: string | null;
  importId: string | null;
};

export const READING_INSERT_COLUMNS = [
  'meter_id',
  'zone',
  'period',
  'kind',
  'value',
  'taken_on',
  'source',
  'submitted_by_person_id',
  'flag',
  'confirmed',
  'billable',
  'not_billable_reason',
  'photo_file_id',
  'import_id',
];

export function readingCells(r: NewReading): unknown[] {
  return [
    r.meterId,
    r.zone,
    r.period,
    r.kind,
    r.value,
    r.takenOn,
    r.source,
    r.submittedByPersonId,
    r.flag,
    r.confirmed,
    r.billable,
    r.notBillableReason,
    r.photoFileId,
    r.importId,
  ];
}

/**
 * Stores a regular reading; a second one for the same meter, zone and period replaces the first
 * (editable until the period is locked — the caller checks the lock).
 */
export async function upsertReading(tx: Queryable, reading: NewReading): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO meter_readings (${READING_INSERT_COLUMNS.join(', ')})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (meter_id, zone, period) WHERE kind = 'regular' DO UPDATE SET
       value = EXCLUDED.value, taken_on = EXCLUDED.taken_on, source = EXCLUDED.source,
       submitted_by_person_id = EXCLUDED.submitted_by_person_id, flag = EXCLUDED.flag,
       confirmed = EXCLUDED.confirmed, billable = EXCLUDED.billable,
       not_billable_reason = EXCLUDED.not_billable_reason,
       photo_file_id = COALESCE(EXCLUDED.photo_file_id, meter_readings.photo_file_id),
       import_id = EXCLUDED.import_id, updated_at = now()
     RETURNING id`,
    readingCells(reading),
  );

  return rows[0]!.id;
}

export async function insertReading(tx: Queryable, reading: NewReading): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO meter_readings (${READING_INSERT_COLUMNS.join(', ')})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    readingCells(reading),
  );

  return rows[0]!.id;
}

export async function findReadingById(db: Queryable, id: string): Promise<ReadingRow | undefined> {
  const rows = await db.query<ReadingRow>(
    `SELECT ${READING_COLUMNS} FROM meter_readings r WHERE r.id = $1`,
    [id],
  );

  return rows[0];
}
