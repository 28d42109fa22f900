import type { Queryable } from '../../platform/db/database.js';

/** What an import reads of the stored world to judge a file against it. */

export type HouseRow = {
  id: string;
  portalId: number;
  address: string;
  searchText: string;
  floorsMax: number | null;
  managed: boolean;
};

const HOUSE_COLUMNS = `h.id, h.portal_id AS "portalId", h.address, h.search_text AS "searchText",
  h.floors_max AS "floorsMax"`;

// A house is the organisation's when the registry names it the manager or a management
// contract in force today says so.
const MANAGED = `(h.managing_organisation_id = $1 OR EXISTS (
  SELECT 1 FROM management_contracts c
  WHERE c.house_id = h.id AND c.organisation_id = $1 AND c.started_on <= CURRENT_DATE
    AND (c.ended_on IS NULL OR c.ended_on >= CURRENT_DATE)))`;

export async function findManagedHouses(db: Queryable, organisationId: string) {
  return db.query<HouseRow>(
    `SELECT ${HOUSE_COLUMNS}, true AS managed FROM houses h WHERE ${MANAGED} ORDER BY h.sort_key`,
    [organisationId],
  );
}

/** Houses anywhere by id, portal id or folded address, to tell «not ours» from «unknown». */
export async function findHousesAnywhere(
  db: Queryable,
  organisationId: string,
  refs: { ids: string[]; portalIds: number[]; searchTexts: string[] },
) {
  return db.query<HouseRow>(
    `SELECT ${HOUSE_COLUMNS}, ${MANAGED} AS managed FROM houses h
     WHERE h.id = ANY($2::uuid[]) OR h.portal_id = ANY($3::bigint[])
        OR h.search_text = ANY($4::text[]) OR h.search_text LIKE ANY($5::text[])`,
    [
      organisationId,
      refs.ids,
      refs.portalIds,
      refs.searchTexts,
      // Address words are letters and digits only, so they hold no LIKE wildcards.
      refs.searchTexts.map((words) => `% ${words}`),
    ],
  );
}

export type StoredPremise = {
  id: string;
  houseId: string;
  kind: string;
  number: string;
  entrance: number | null;
  floor: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
};

const PREMISE_COLUMNS = `p.id, p.house_id AS "houseId", p.kind, p.number, p.entrance, p.floor,
  p.area_total::text AS "areaTotal", p.area_living::text AS "areaLiving",
  p.cadastral_number AS "cadastralNumber"`;

export async function findPremisesOfHouses(db: Queryable, houseIds: string[]) {
  return db.query<StoredPremise>(
    `SELECT ${PREMISE_COLUMNS} FROM premises p WHERE p.house_id = ANY($1::uuid[])`,
    [houseIds],
  );
}

export async function findPremisesByCadastral(db: Queryable, numbers: string[]) {
  return db.query<StoredPremise & { address: string }>(
    `SELECT ${PREMISE_COLUMNS}, h.address FROM premises p JOIN houses h ON h.id = p.house_id
     WHERE p.cadastral_number = ANY($1::text[])`,
    [numbers],
  );
}

export async function findEntrances(db: Queryable, houseIds: string[]) {
  return db.query<{ houseId: string; number: number }>(
    `SELECT house_id AS "houseId", number FROM entrances WHERE house_id = ANY($1::uuid[])`,
    [houseIds],
  );
}

export type StoredOwnership = {
  id: string;
  premiseId: string;
  houseId: string;
  personId: string | null;
  organisationId: string | null;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  inn: string | null;
  shareNumerator: number;
  shareDenominator: number;
  titleDocument: string | null;
  rightNumber: string | null;
  rightRegisteredOn: string | null;
};

/** Rights in force on the premises of the houses, with their holders' names and ИНН. */
export async function findOwnershipsOfHouses(db: Queryable, houseIds: string[]) {
  return db.query<StoredOwnership>(
    `SELECT o.id, o.premise_id AS "premiseId", p.house_id AS "houseId",
            o.person_id AS "personId", o.organisation_id AS "organisationId",
            pe.surname, pe.name, pe.patronymic, org.inn,
            o.share_numerator AS "shareNumerator", o.share_denominator AS "shareDenominator",
            o.title_document AS "titleDocument", o.right_number AS "rightNumber",
            o.right_registered_on::text AS "rightRegisteredOn"
     FROM ownerships o
     JOIN premises p ON p.id = o.premise_id
     LEFT JOIN persons pe ON pe.id = o.person_id
     LEFT JOIN organisations org ON org.id = o.organisation_id
     WHERE p.house_id = ANY($1::uuid[]) AND (o.ended_on IS NULL OR o.ended_on > CURRENT_DATE)`,
    [houseIds],
  );
}

/** Organisations by ИНН, a top-level one before its departments, the oldest first. */
export async function findOrganisationsByInn(db: Queryable, inns: string[]) {
  return db.query<{ id: string; inn: string }>(
    `SELECT id, inn FROM organisations WHERE inn = ANY($1::text[])
     ORDER BY (parent_id IS NULL) DESC, created_at`,
    [inns],
  );
}

export type StoredAccount = {
  id: string;
  number: string;
  localNumber: string | null;
  premiseId: string;
  organisationId: string;
  payerPersonId: string | null;
  payerOrganisationId: string | null;
  openedOn: string;
  closedOn: string | null;
  premiseLabel: string;
};

const ACCOUNT_COLUMNS = `a.id, a.number, a.local_number AS "localNumber", a.premise_id AS "premiseId",
  a.organisation_id AS "organisationId", a.payer_person_id AS "payerPersonId",
  a.payer_organisation_id AS "payerOrganisationId", a.opened_on::text AS "openedOn",
  a.closed_on::text AS "closedOn", h.address || ', ' || p.number AS "premiseLabel"`;

const ACCOUNT_FROM = `personal_accounts a JOIN premises p ON p.id = a.premise_id
  JOIN houses h ON h.id = p.house_id`;

/**
 * Accounts the file may mean: by their number anywhere, by the organisation's local number, and
 * every open account of the organisation on the premises the file touches.
 */
export async function findAccounts(
  db: Queryable,
  organisationId: string,
  refs: { numbers: string[]; localNumbers: string[]; premiseIds: string[] },
) {
  return db.query<StoredAccount>(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM}
     WHERE a.number = ANY($2::text[])
        OR (a.organisation_id = $1 AND lower(a.local_number) = ANY($3::text[]))
        OR (a.organisation_id = $1 AND a.premise_id = ANY($4::uuid[]) AND a.closed_on IS NULL)`,
    [organisationId, refs.numbers, refs.localNumbers, refs.premiseIds],
  );
}

/** Which of these account numbers are taken already. */
export async function findTakenAccountNumbers(db: Queryable, numbers: string[]) {
  const rows = await db.query<{ number: string }>(
    'SELECT number FROM personal_accounts WHERE number = ANY($1::text[])',
    [numbers],
  );

  return new Set(rows.map((row) => row.number));
}
