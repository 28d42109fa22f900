import type { Queryable } from '../../platform/db/database.js';

export type ContractRow = {
  id: string;
  houseId: string;
  organisationId: string;
  organisationName: string;
  number: string | null;
  signedOn: string | null;
  startedOn: string;
  endedOn: string | null;
  endedReason: string | null;
  inForce: boolean;
};

const COLUMNS = `c.id, c.house_id AS "houseId", c.organisation_id AS "organisationId",
  o.name AS "organisationName", c.number, to_char(c.signed_on, 'YYYY-MM-DD') AS "signedOn",
  to_char(c.started_on, 'YYYY-MM-DD') AS "startedOn",
  to_char(c.ended_on, 'YYYY-MM-DD') AS "endedOn", c.ended_reason AS "endedReason",
  (c.started_on <= (now() AT TIME ZONE h.time_zone)::date
   AND (c.ended_on IS NULL OR c.ended_on >= (now() AT TIME ZONE h.time_zone)::date)) AS "inForce"`;

const FROM = `FROM management_contracts c JOIN organisations o ON o.id = c.organisation_id
  JOIN houses h ON h.id = c.house_id`;

export async function findContracts(db: Queryable, houseId: string): Promise<ContractRow[]> {
  return db.query<ContractRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE c.house_id = $1 ORDER BY c.started_on DESC, c.id`,
    [houseId],
  );
}

export async function findContract(db: Queryable, houseId: string, id: string) {
  const rows = await db.query<ContractRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE c.house_id = $1 AND c.id = $2`,
    [houseId, id],
  );

  return rows[0];
}

/**
 * Contracts of the house whose period meets [startedOn, endedOn] (an open end is infinity);
 * `except` leaves out the contract being changed.
 */
export async function findOverlapping(
  db: Queryable,
  input: { houseId: string; startedOn: string; endedOn: string | null; except?: string },
): Promise<ContractRow[]> {
  return db.query<ContractRow>(
    `SELECT ${COLUMNS} ${FROM}
     WHERE c.house_id = $1 AND ($4::uuid IS NULL OR c.id <> $4::uuid)
       AND c.started_on <= COALESCE($3::date, 'infinity'::date)
       AND COALESCE(c.ended_on, 'infinity'::date) >= $2::date
     ORDER BY c.started_on`,
    [input.houseId, input.startedOn, input.endedOn, input.except ?? null],
  );
}

export async function insertContract(
  tx: Queryable,
  input: {
    houseId: string;
    organisationId: string;
    number: string | null;
    signedOn: string | null;
    startedOn: string;
    endedOn: string | null;
  },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO management_contracts (house_id, organisation_id, number, signed_on, started_on,
       ended_on)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.houseId,
      input.organisationId,
      input.number,
      input.signedOn,
      input.startedOn,
      input.endedOn,
    ],
  );

  return rows[0]!.id;
}

export async function endContract(tx: Queryable, id: string, endedOn: string, reason: string) {
  await tx.query('UPDATE management_contracts SET ended_on = $2, ended_reason = $3 WHERE id = $1', [
    id,
    endedOn,
    reason,
  ]);
}

/** Serialises contract changes of one house, so two overlapping inserts cannot both pass. */
export async function lockHouse(tx: Queryable, houseId: string) {
  await tx.query('SELECT id FROM houses WHERE id = $1 FOR UPDATE', [houseId]);
}

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM organisations WHERE id = $1', [id])).length > 0;
}
