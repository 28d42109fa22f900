import type { Queryable } from '../../platform/db/database.js';
import { managerSql } from '../house-register/house-manager.js';

export type MeterRow = {
  id: string;
  organisationId: string;
  houseId: string;
  premiseId: string | null;
  premiseNumber: string | null;
  resource: string;
  zones: number;
  integerDigits: number;
  fractionDigits: number;
  serialNumber: string;
  model: string | null;
  installedOn: string;
  verifiedOn: string | null;
  verificationIntervalMonths: number;
  nextVerificationOn: string | null;
  status: 'active' | 'replaced' | 'archived';
  closedOn: string | null;
  replacesMeterId: string | null;
  /** The house's local date today. */
  today: string;
  timeZone: string;
  /** Today's manager of the house: its settings and staff apply. */
  managerId: string | null;
};

const DATE = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

const METER_COLUMNS = `m.id, m.organisation_id AS "organisationId", m.house_id AS "houseId",
  m.premise_id AS "premiseId", p.number AS "premiseNumber", m.resource, m.zones,
  m.integer_digits AS "integerDigits", m.fraction_digits AS "fractionDigits",
  m.serial_number AS "serialNumber", m.model, ${DATE('m.installed_on', 'installedOn')},
  ${DATE('m.verified_on', 'verifiedOn')},
  m.verification_interval_months AS "verificationIntervalMonths",
  ${DATE('m.next_verification_on', 'nextVerificationOn')}, m.status,
  ${DATE('m.closed_on', 'closedOn')}, m.replaces_meter_id AS "replacesMeterId",
  to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today,
  h.time_zone AS "timeZone", ${managerSql('h')} AS "managerId"`;

const FROM = `FROM meters m JOIN houses h ON h.id = m.house_id
  LEFT JOIN premises p ON p.id = m.premise_id`;

export async function findMeter(db: Queryable, id: string): Promise<MeterRow | undefined> {
  const rows = await db.query<MeterRow>(`SELECT ${METER_COLUMNS} ${FROM} WHERE m.id = $1`, [id]);

  return rows[0];
}

export async function lockMeter(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT id FROM meters WHERE id = $1 FOR UPDATE', [id]);
}

export async function findPremiseMeters(db: Queryable, premiseId: string): Promise<MeterRow[]> {
  return db.query<MeterRow>(
    `SELECT ${METER_COLUMNS} ${FROM} WHERE m.premise_id = $1
     ORDER BY (m.status = 'active') DESC, m.resource, m.installed_on DESC`,
    [premiseId],
  );
}

export async function findHouseMeters(db: Queryable, houseId: string): Promise<MeterRow[]> {
  return db.query<MeterRow>(
    `SELECT ${METER_COLUMNS} ${FROM} WHERE m.house_id = $1 AND m.status = 'active'
     ORDER BY m.premise_id IS NOT NULL, length(p.number), p.number, m.resource`,
    [houseId],
  );
}

export type NewMeter = {
  organisationId: string;
  houseId: string;
  premiseId: string | null;
  resource: string;
  zones: number;
  integerDigits: number;
  fractionDigits: number;
  serialNumber: string;
  model: string | null;
  installedOn: string;
  verifiedOn: string | null;
  verificationIntervalMonths: number;
  nextVerificationOn: string;
  replacesMeterId: string | null;
};

export async function insertMeter(tx: Queryable, meter: NewMeter): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO meters (organisation_id, house_id, premise_id, resource, zones, integer_digits,
       fraction_digits, serial_number, model, installed_on, verified_on,
       verification_interval_months, next_verification_on, replaces_meter_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      meter.organisationId,
      meter.houseId,
      meter.premiseId,
      meter.resource,
      meter.zones,
      meter.integerDigits,
      meter.fractionDigits,
      meter.serialNumber,
      meter.model,
      meter.installedOn,
      meter.verifiedOn,
      meter.verificationIntervalMonths,
      meter.nextVerificationOn,
      meter.replacesMeterId,
    ],
  );

  return rows[0]!.id;
}

export async function closeMeter(
  tx: Queryable,
  id: string,
  status: 'replaced' | 'archived',
  closedOn: string,
): Promise<void> {
  await tx.query(`UPDATE meters SET status = $2, closed_on = $3 WHERE id = $1`, [
    id,
    status,
    closedOn,
  ]);
}

export async function updateVerification(
  tx: Queryable,
  id: string,
  update: { verifiedOn: string; intervalMonths: number; nextOn: string },
): Promise<void> {
  await tx.query(
    `UPDATE meters SET verified_on = $2, verification_interval_months = $3,
       next_verification_on = $4 WHERE id = $1`,
    [id, update.verifiedOn, update.intervalMonths, update.nextOn],
  );
}

/** Whether an active meter of the organisation already has the serial number. */
export async function serialTaken(
  db: Queryable,
  organisationId: string,
  serialNumber: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM meters WHERE organisation_id = $1 AND serial_number = $2 AND status = 'active'`,
    [organisationId, serialNumber],
  );

  return rows.length > 0;
}

/**
 * Whether the house's readings of the period are frozen: taken into billing, or older than a
 * period that was. Billing closes months in order, so once a month is closed every month before
 * it is settled too, and editing one of those would make a closed bill disagree with its readings.
 */
export async function isPeriodLocked(
  db: Queryable,
  houseId: string,
  period: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM meter_period_locks WHERE house_id = $1 AND period >= $2 LIMIT 1',
    [houseId, period],
  );

  return rows.length > 0;
}
