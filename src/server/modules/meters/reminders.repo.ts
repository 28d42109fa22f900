import type { Queryable } from '../../platform/db/database.js';
import { managerSql } from '../house-register/house-manager.js';

/** Users who are owners or residents today of a premise with an active meter of the house. */
const PEOPLE = `
  SELECT DISTINCT u.id AS "userId", u.person_id AS "personId", p.id AS "premiseId", p.number
  FROM premises p
  JOIN (SELECT o.premise_id, o.person_id FROM ownerships o
          WHERE o.ended_on IS NULL AND o.person_id IS NOT NULL
        UNION SELECT r.premise_id, r.person_id FROM residents r WHERE r.deregistered_on IS NULL) rel
    ON rel.premise_id = p.id
  JOIN users u ON u.person_id = rel.person_id
  WHERE p.house_id = $1 AND EXISTS (SELECT 1 FROM meters m WHERE m.premise_id = p.id AND m.status = 'active')`;

export type HouseForReminders = {
  id: string;
  address: string;
  today: string;
  managerId: string | null;
};

export async function findHousesWithMeters(db: Queryable): Promise<HouseForReminders[]> {
  return db.query<HouseForReminders>(
    `SELECT h.id, h.address, to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today,
       ${managerSql('h')} AS "managerId"
     FROM houses h WHERE EXISTS (SELECT 1 FROM meters m WHERE m.house_id = h.id AND m.status = 'active')`,
  );
}

export type Recipient = { userId: string; personId: string; premiseId: string; number: string };

/** People of the house's premises; `missingPeriod` keeps those with a meter unread for it. */
export async function findRecipients(
  db: Queryable,
  houseId: string,
  kind: string,
  missingPeriod?: string,
): Promise<Recipient[]> {
  const missing = missingPeriod
    ? `AND EXISTS (SELECT 1 FROM meters m WHERE m.premise_id = x."premiseId" AND m.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM meter_readings r WHERE r.meter_id = m.id
                         AND r.kind = 'regular' AND r.period = $3))`
    : '';

  return db.query<Recipient>(
    `SELECT * FROM (${PEOPLE}) x
     WHERE NOT EXISTS (SELECT 1 FROM meter_reminder_opt_outs o
                       WHERE o.person_id = x."personId" AND o.kind = $2) ${missing}`,
    missingPeriod ? [houseId, kind, missingPeriod] : [houseId, kind],
  );
}

export type DueMeter = Recipient & {
  meterId: string;
  serialNumber: string;
  resource: string;
  dueOn: string;
};

/** Meters of the house whose verification runs out within `days`, with their people. */
export async function findDueMeters(
  db: Queryable,
  houseId: string,
  today: string,
  days: number,
): Promise<DueMeter[]> {
  return db.query<DueMeter>(
    `SELECT x.*, m.id AS "meterId", m.serial_number AS "serialNumber", m.resource,
       to_char(m.next_verification_on, 'YYYY-MM-DD') AS "dueOn"
     FROM (${PEOPLE}) x JOIN meters m ON m.premise_id = x."premiseId" AND m.status = 'active'
     WHERE m.next_verification_on BETWEEN $2::date AND $2::date + $3::int
       AND NOT EXISTS (SELECT 1 FROM meter_reminder_opt_outs o
                       WHERE o.person_id = x."personId" AND o.kind = 'verification_due')`,
    [houseId, today, days],
  );
}

/** Claims a reminder; false when it was sent already (a repeated run sends nothing twice). */
export async function claimReminder(
  tx: Queryable,
  personId: string,
  kind: string,
  subject: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO meter_reminders_sent (person_id, kind, subject) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING person_id`,
    [personId, kind, subject],
  );

  return rows.length > 0;
}

export async function findOptOuts(db: Queryable, personId: string): Promise<string[]> {
  const rows = await db.query<{ kind: string }>(
    'SELECT kind FROM meter_reminder_opt_outs WHERE person_id = $1',
    [personId],
  );

  return rows.map((r) => r.kind);
}

export async function setOptOut(tx: Queryable, personId: string, kind: string, off: boolean) {
  await tx.query(
    off
      ? 'INSERT INTO meter_reminder_opt_outs (person_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING'
      : 'DELETE FROM meter_reminder_opt_outs WHERE person_id = $1 AND kind = $2',
    [personId, kind],
  );
}
