import type { Queryable } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/like.js';
import { managedBySql, managerSql } from './house-manager.js';

/** A person's full name, or the organisation's name, of whoever the aliases `pe`/`og` hold. */
export const HOLDER_NAME = `COALESCE(NULLIF(concat_ws(' ', pe.surname, pe.name, pe.patronymic), ''),
  og.name, '')`;

/**
 * Co-owners who got their rights together (one change starts them on the same day in one
 * transaction) would otherwise come back in the random order of their ids: the larger share
 * first, then by name, so a card and the chessboard always list them the same way.
 */
const OWNER_ORDER = `o.started_on, o.share_numerator::numeric / o.share_denominator DESC,
  ${HOLDER_NAME}, o.id`;

export type OrgHouseRow = {
  id: string;
  address: string;
  managedBy: 'contract' | 'registry';
  contract: { id: string; number: string | null; startedOn: string; endedOn: string | null } | null;
  premisesCount: number;
  ownedCount: number;
  accountsCount: number;
  total: number;
};

/**
 * The houses an organisation manages today (see managerSql): found among the houses the registry
 * gives it and those it has contracts for, so the rule runs on a handful of rows, not all houses.
 */
export async function findOrgHouses(
  db: Queryable,
  organisationId: string,
  filter: { words: string[]; limit: number; offset: number },
): Promise<OrgHouseRow[]> {
  const params: unknown[] = [organisationId, filter.limit, filter.offset];
  const conditions = filter.words.map((word) => {
    params.push(`%${escapeLike(word)}%`);

    return `h.search_text LIKE $${params.length} ESCAPE '\\'`;
  });

  return db.query<OrgHouseRow>(
    `WITH candidates AS (
       SELECT id FROM houses WHERE managing_organisation_id = $1
       UNION SELECT house_id FROM management_contracts WHERE organisation_id = $1
     ), managed AS (
       SELECT h.id, h.address, h.sort_key, h.time_zone, ${managedBySql('h')} AS "managedBy"
       FROM houses h JOIN candidates c ON c.id = h.id
       WHERE ${managerSql('h')} = $1 ${conditions.map((c) => `AND ${c}`).join(' ')}
     )
     SELECT m.id, m.address, m."managedBy",
       (SELECT json_build_object('id', c.id, 'number', c.number,
                 'startedOn', to_char(c.started_on, 'YYYY-MM-DD'),
                 'endedOn', to_char(c.ended_on, 'YYYY-MM-DD'))
        FROM management_contracts c
        WHERE c.house_id = m.id AND c.organisation_id = $1
          AND c.started_on <= (now() AT TIME ZONE m.time_zone)::date
        ORDER BY c.started_on DESC LIMIT 1) AS contract,
       (SELECT count(*)::int FROM premises p WHERE p.house_id = m.id) AS "premisesCount",
       (SELECT count(DISTINCT o.premise_id)::int FROM ownerships o
        JOIN premises p ON p.id = o.premise_id
        WHERE p.house_id = m.id AND o.ended_on IS NULL) AS "ownedCount",
       (SELECT count(*)::int FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
        WHERE p.house_id = m.id AND a.organisation_id = $1 AND a.closed_on IS NULL)
         AS "accountsCount",
       count(*) OVER ()::int AS total
     FROM managed m
     ORDER BY m.sort_key COLLATE "C", m.id
     LIMIT $2 OFFSET $3`,
    params,
  );
}

export type OwnerJson = {
  ownershipId: string;
  personId: string | null;
  organisationId: string | null;
  name: string;
  n: number;
  d: number;
  startedOn: string | null;
};

export type CellRow = {
  id: string;
  number: string;
  kind: string;
  floor: number | null;
  entrance: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
  owners: OwnerJson[];
  residentsCount: number;
  accounts: { id: string; number: string; payerName: string }[];
};

/**
 * Every premise of a house with its live owners, resident count and open accounts, in one
 * statement: the chessboard of a house of hundreds of flats is still a single round trip.
 */
export async function findRegisterCells(
  db: Queryable,
  houseId: string,
  today: string,
): Promise<CellRow[]> {
  return db.query<CellRow>(
    `SELECT p.id, p.number, p.kind, p.floor, p.entrance, p.area_total::text AS "areaTotal",
       p.area_living::text AS "areaLiving", p.cadastral_number AS "cadastralNumber",
       COALESCE((
         SELECT json_agg(json_build_object('ownershipId', o.id, 'personId', o.person_id,
                  'organisationId', o.organisation_id, 'name', ${HOLDER_NAME},
                  'n', o.share_numerator, 'd', o.share_denominator,
                  'startedOn', to_char(o.started_on, 'YYYY-MM-DD'))
                ORDER BY ${OWNER_ORDER})
         FROM ownerships o
         LEFT JOIN persons pe ON pe.id = o.person_id
         LEFT JOIN organisations og ON og.id = o.organisation_id
         WHERE o.premise_id = p.id AND o.ended_on IS NULL), '[]'::json) AS owners,
       (SELECT count(*)::int FROM residents r WHERE r.premise_id = p.id
          AND (r.registered_on IS NULL OR r.registered_on <= $2::date)
          AND (r.deregistered_on IS NULL OR r.deregistered_on >= $2::date)) AS "residentsCount",
       COALESCE((
         SELECT json_agg(json_build_object('id', a.id, 'number', a.number,
                  'payerName', ${HOLDER_NAME}) ORDER BY a.opened_on, a.number)
         FROM personal_accounts a
         LEFT JOIN persons pe ON pe.id = a.payer_person_id
         LEFT JOIN organisations og ON og.id = a.payer_organisation_id
         WHERE a.premise_id = p.id AND a.closed_on IS NULL), '[]'::json) AS accounts
     FROM premises p WHERE p.house_id = $1`,
    [houseId, today],
  );
}

export async function findEntrances(db: Queryable, houseId: string) {
  return db.query<{ number: number; floors: number | null; premisesCount: number }>(
    `SELECT e.number, e.floors,
       (SELECT count(*)::int FROM premises p
        WHERE p.house_id = e.house_id AND p.entrance = e.number) AS "premisesCount"
     FROM entrances e WHERE e.house_id = $1 ORDER BY e.number`,
    [houseId],
  );
}

export type OwnershipRecordRow = OwnerJson & {
  endedOn: string | null;
  endedReason: string | null;
  titleDocument: string | null;
  rightNumber: string | null;
  rightRegisteredOn: string | null;
  source: string;
};

/** Every right a premise ever had, live ones first, then the latest ended. */
export async function findOwnershipRecords(db: Queryable, premiseId: string) {
  return db.query<OwnershipRecordRow>(
    `SELECT o.id AS "ownershipId", o.person_id AS "personId",
       o.organisation_id AS "organisationId", ${HOLDER_NAME} AS name,
       o.share_numerator AS n, o.share_denominator AS d,
       to_char(o.started_on, 'YYYY-MM-DD') AS "startedOn",
       to_char(o.ended_on, 'YYYY-MM-DD') AS "endedOn", o.ended_reason AS "endedReason",
       o.title_document AS "titleDocument", o.right_number AS "rightNumber",
       to_char(o.right_registered_on, 'YYYY-MM-DD') AS "rightRegisteredOn", o.source
     FROM ownerships o
     LEFT JOIN persons pe ON pe.id = o.person_id
     LEFT JOIN organisations og ON og.id = o.organisation_id
     WHERE o.premise_id = $1
     ORDER BY o.ended_on IS NULL DESC, o.ended_on DESC, ${OWNER_ORDER}`,
    [premiseId],
  );
}

export type PremiseRow = Omit<CellRow, 'owners' | 'residentsCount' | 'accounts'> & {
  houseId: string;
};

export async function findPremise(db: Queryable, premiseId: string) {
  const rows = await db.query<PremiseRow>(
    `SELECT p.id, p.house_id AS "houseId", p.number, p.kind, p.floor, p.entrance,
       p.area_total::text AS "areaTotal", p.area_living::text AS "areaLiving",
       p.cadastral_number AS "cadastralNumber"
     FROM premises p WHERE p.id = $1`,
    [premiseId],
  );

  return rows[0];
}

export async function findResidents(db: Queryable, premiseId: string, today: string) {
  return db.query<{ personId: string; name: string; registeredOn: string | null }>(
    `SELECT r.person_id AS "personId",
       concat_ws(' ', pe.surname, pe.name, pe.patronymic) AS name,
       to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn"
     FROM residents r JOIN persons pe ON pe.id = r.person_id
     WHERE r.premise_id = $1 AND (r.deregistered_on IS NULL OR r.deregistered_on >= $2::date)
     ORDER BY r.registered_on NULLS LAST, pe.surname, pe.name`,
    [premiseId, today],
  );
}

export type PremiseUpdate = {
  number?: string;
  floor?: number | null;
  entrance?: number | null;
  areaTotal?: string;
  areaLiving?: string | null;
  cadastralNumber?: string | null;
};

const UPDATE_COLUMNS: Record<keyof PremiseUpdate, string> = {
  number: 'number',
  floor: 'floor',
  entrance: 'entrance',
  areaTotal: 'area_total',
  areaLiving: 'area_living',
  cadastralNumber: 'cadastral_number',
};

export async function updatePremise(tx: Queryable, premiseId: string, update: PremiseUpdate) {
  const entries = Object.entries(update).filter(([, value]) => value !== undefined);
  const sets = entries.map(
    ([key], i) => `${UPDATE_COLUMNS[key as keyof PremiseUpdate]} = $${i + 2}`,
  );

  await tx.query(`UPDATE premises SET ${sets.join(', ')} WHERE id = $1`, [
    premiseId,
    ...entries.map(([, value]) => value),
  ]);
}

/** Another premise of the same house and kind already has this number. */
export async function premiseNumberTaken(
  db: Queryable,
  premise: { id: string; houseId: string; kind: string },
  number: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM premises WHERE house_id = $1 AND kind = $2 AND number = $3 AND id <> $4`,
    [premise.houseId, premise.kind, number, premise.id],
  );

  return rows.length > 0;
}
