import type { Queryable } from '../../platform/db/database.js';

/**
 * Reads for «Мой МП‑дом». "Current" means in force today: an ownership or registration counts
 * through its end date, as `authorize` counts it, so the page and the rights never disagree.
 */

const CURRENT_OWNERSHIP = `(o.started_on IS NULL OR o.started_on <= CURRENT_DATE)
  AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE)`;

const CURRENT_RESIDENT = `(r.registered_on IS NULL OR r.registered_on <= CURRENT_DATE)
  AND (r.deregistered_on IS NULL OR r.deregistered_on >= CURRENT_DATE)`;

const IN_PREMISES = '(SELECT jsonb_array_elements_text($1::jsonb)::uuid)';

const FULL_NAME = `concat_ws(' ', pe.surname, pe.name, pe.patronymic)`;

export type OwnershipRow = {
  premiseId: string;
  personId: string | null;
  organisationId: string | null;
  numerator: number;
  denominator: number;
  since: string | null;
  titleDocument: string | null;
};

export type PowerRow = {
  premiseId: string;
  principalPersonId: string;
  principalName: string;
  validUntil: string;
};

export type PremiseRow = {
  id: string;
  houseId: string;
  houseAddress: string;
  number: string;
  kind: string;
  floor: number | null;
  entrance: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
};

export type AccountRow = {
  id: string;
  premiseId: string;
  payerPersonId: string;
  number: string;
  localNumber: string | null;
  organisationId: string;
  organisationName: string;
  openedOn: string;
  closedOn: string | null;
};

export type ManagerRow = {
  houseId: string;
  id: string;
  name: string;
  kind: string;
  inn: string | null;
  ogrn: string | null;
  portalLink: string | null;
  contractNumber: string | null;
  contractStartedOn: string | null;
  contractEndedOn: string | null;
};

export type ClaimRow = {
  id: string;
  houseId: string;
  houseAddress: string;
  premiseId: string | null;
  premiseNumber: string;
  premiseKind: string;
  cadastralNumber: string;
  numerator: number;
  denominator: number;
  mismatches: unknown;
  createdAt: Date | string;
};

const json = (ids: string[]) => JSON.stringify(ids);

/** The premises a person owns a share of today. */
export async function findOwnedPremiseIds(db: Queryable, personId: string): Promise<string[]> {
  const rows = await db.query<{ premiseId: string }>(
    `SELECT DISTINCT o.premise_id AS "premiseId" FROM ownerships o
     WHERE o.person_id = $1 AND ${CURRENT_OWNERSHIP}`,
    [personId],
  );

  return rows.map((row) => row.premiseId);
}

/** The premises a person is registered in today. */
export async function findResidencePremiseIds(db: Queryable, personId: string): Promise<string[]> {
  const rows = await db.query<{ premiseId: string }>(
    `SELECT DISTINCT r.premise_id AS "premiseId" FROM residents r
     WHERE r.person_id = $1 AND ${CURRENT_RESIDENT}`,
    [personId],
  );

  return rows.map((row) => row.premiseId);
}

/**
 * Powers of attorney in force today naming the user as representative, for premises their
 * principal still owns a share of: a power outliving the ownership represents nothing.
 */
export async function findPowersInForce(db: Queryable, userId: string): Promise<PowerRow[]> {
  return db.query<PowerRow>(
    `SELECT a.premise_id AS "premiseId", a.principal_person_id AS "principalPersonId",
            ${FULL_NAME} AS "principalName", to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil"
     FROM powers_of_attorney a JOIN persons pe ON pe.id = a.principal_person_id
     WHERE a.representative_user_id = $1 AND a.revoked_at IS NULL
       AND a.valid_from <= CURRENT_DATE AND a.valid_until >= CURRENT_DATE
       AND EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = a.premise_id
                   AND o.person_id = a.principal_person_id AND ${CURRENT_OWNERSHIP})
     ORDER BY a.valid_until DESC`,
    [userId],
  );
}

export async function findPremises(db: Queryable, ids: string[]): Promise<PremiseRow[]> {
  return db.query<PremiseRow>(
    `SELECT p.id, h.id AS "houseId", h.address AS "houseAddress", p.number, p.kind, p.floor,
            p.entrance, p.area_total::text AS "areaTotal", p.area_living::text AS "areaLiving",
            p.cadastral_number AS "cadastralNumber"
     FROM premises p JOIN houses h ON h.id = p.house_id
     WHERE p.id IN ${IN_PREMISES}
     ORDER BY h.sort_key COLLATE "C", h.address, p.kind, length(p.number), p.number`,
    [json(ids)],
  );
}

/** Every current right in the premises; names are not read, since no one here may see them. */
export async function findCurrentOwnerships(db: Queryable, ids: string[]) {
  return db.query<OwnershipRow>(
    `SELECT o.premise_id AS "premiseId", o.person_id AS "personId",
            o.organisation_id AS "organisationId", o.share_numerator AS numerator,
            o.share_denominator AS denominator, to_char(o.started_on, 'YYYY-MM-DD') AS since,
            o.title_document AS "titleDocument"
     FROM ownerships o
     WHERE o.premise_id IN ${IN_PREMISES} AND ${CURRENT_OWNERSHIP}
     ORDER BY o.started_on NULLS FIRST, o.id`,
    [json(ids)],
  );
}

export async function countResidents(db: Queryable, ids: string[]) {
  return db.query<{ premiseId: string; count: number }>(
    `SELECT r.premise_id AS "premiseId", count(DISTINCT r.person_id)::int AS count
     FROM residents r WHERE r.premise_id IN ${IN_PREMISES} AND ${CURRENT_RESIDENT}
     GROUP BY r.premise_id`,
    [json(ids)],
  );
}

/** Residents by name: call it only with premises whose residents the viewer may see. */
export async function findResidentNames(db: Queryable, ids: string[]) {
  return db.query<{ premiseId: string; name: string; registeredOn: string | null }>(
    `SELECT r.premise_id AS "premiseId", ${FULL_NAME} AS name,
            to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn"
     FROM residents r JOIN persons pe ON pe.id = r.person_id
     WHERE r.premise_id IN ${IN_PREMISES} AND ${CURRENT_RESIDENT}
     ORDER BY pe.surname, pe.name, pe.patronymic, r.registered_on`,
    [json(ids)],
  );
}

/** Accounts of the premises paid by the given persons, open ones first, closed ones kept. */
export async function findAccounts(
  db: Queryable,
  ids: string[],
  payerIds: string[],
): Promise<AccountRow[]> {
  return db.query<AccountRow>(
    `SELECT a.id, a.premise_id AS "premiseId", a.payer_person_id AS "payerPersonId", a.number,
            a.local_number AS "localNumber", o.id AS "organisationId",
            o.name AS "organisationName", to_char(a.opened_on, 'YYYY-MM-DD') AS "openedOn",
            to_char(a.closed_on, 'YYYY-MM-DD') AS "closedOn"
     FROM personal_accounts a JOIN organisations o ON o.id = a.organisation_id
     WHERE a.premise_id IN ${IN_PREMISES}
       AND a.payer_person_id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)
     ORDER BY a.closed_on IS NOT NULL, a.opened_on DESC, a.number`,
    [json(ids), json(payerIds)],
  );
}

/**
 * The organisation managing each house today: the one whose management contract covers today,
 * else the one the house registry names.
 */
export async function findManagers(db: Queryable, houseIds: string[]): Promise<ManagerRow[]> {
  return db.query<ManagerRow>(
    `SELECT h.id AS "houseId", o.id, o.name, o.kind, o.inn, o.ogrn, o.portal_link AS "portalLink",
            mc.number AS "contractNumber",
            to_char(mc.started_on, 'YYYY-MM-DD') AS "contractStartedOn",
            to_char(mc.ended_on, 'YYYY-MM-DD') AS "contractEndedOn"
     FROM houses h
     LEFT JOIN LATERAL (
       SELECT c.organisation_id, c.number, c.started_on, c.ended_on FROM management_contracts c
       WHERE c.house_id = h.id AND c.started_on <= CURRENT_DATE
         AND (c.ended_on IS NULL OR c.ended_on >= CURRENT_DATE)
       ORDER BY c.started_on DESC, c.created_at DESC LIMIT 1
     ) mc ON true
     JOIN organisations o ON o.id = COALESCE(mc.organisation_id, h.managing_organisation_id)
     WHERE h.id IN ${IN_PREMISES}`,
    [json(houseIds)],
  );
}

/** The person's claims still waiting for an organisation's decision, newest first. */
export async function findOpenClaims(db: Queryable, personId: string): Promise<ClaimRow[]> {
  return db.query<ClaimRow>(
    `SELECT c.id, h.id AS "houseId", h.address AS "houseAddress", c.premise_id AS "premiseId",
            c.premise_number AS "premiseNumber", c.premise_kind AS "premiseKind",
            c.cadastral_number AS "cadastralNumber", c.share_numerator AS numerator,
            c.share_denominator AS denominator, c.mismatches, c.created_at AS "createdAt"
     FROM property_claims c JOIN houses h ON h.id = c.house_id
     WHERE c.person_id = $1 AND c.status = 'conflict'
     ORDER BY c.created_at DESC, c.id`,
    [personId],
  );
}
