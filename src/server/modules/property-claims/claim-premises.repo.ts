import type { Queryable } from '../../platform/db/database.js';

/** What the claims need of houses, organisations, premises, ownerships and the claimant. */

export type HouseRow = { id: string; address: string; managingOrganisationId: string | null };

export type PremiseRow = { id: string; number: string; cadastralNumber: string | null };

export type OwnershipShareRow = {
  id: string;
  personId: string | null;
  numerator: number;
  denominator: number;
};

export async function findHouse(db: Queryable, id: string): Promise<HouseRow | null> {
  const [row] = await db.query<HouseRow>(
    `SELECT id, address, managing_organisation_id AS "managingOrganisationId"
     FROM houses WHERE id = $1`,
    [id],
  );

  return row ?? null;
}

/**
 * The organisation managing the house today: the one whose management contract covers today,
 * else the one the houses registry names.
 */
export async function findManagingOrganisation(db: Queryable, houseId: string) {
  const [row] = await db.query<{ id: string | null }>(
    `SELECT COALESCE(
       (SELECT organisation_id FROM management_contracts
        WHERE house_id = $1 AND started_on <= CURRENT_DATE
          AND (ended_on IS NULL OR ended_on >= CURRENT_DATE)
        ORDER BY started_on DESC LIMIT 1),
       (SELECT managing_organisation_id FROM houses WHERE id = $1)) AS id`,
    [houseId],
  );

  return row?.id ?? null;
}

/** The platform operator's organisation, the oldest if there are several; null when none. */
export async function findOperatorOrganisation(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM organisations WHERE kind = 'operator' AND parent_id IS NULL
     ORDER BY created_at, id LIMIT 1`,
  );

  return row?.id ?? null;
}

export async function insertOperatorOrganisation(tx: Queryable): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO organisations (kind, name, normalized_name)
     VALUES ('operator', 'Оператор платформы МП-дом', 'оператор платформы мп-дом') RETURNING id`,
  );

  return row!.id;
}

/** Organisations by id, for naming the queues a person may work. */
export async function findOrganisations(db: Queryable, ids: string[]) {
  return db.query<{ id: string; name: string; kind: string }>(
    `SELECT id, name, kind FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
    [ids],
  );
}

/**
 * Serialises claims and decisions on one object until the transaction ends, so two owners
 * confirmed at the same moment cannot together push the shares above one.
 */
export async function lockObject(tx: Queryable, cadastralNumber: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('property_claim:' || $1))`, [
    cadastralNumber,
  ]);
}

/** The premise carrying this cadastral number; the number names one object in the country. */
export async function findPremiseByCadastral(
  db: Queryable,
  cadastralNumber: string,
): Promise<PremiseRow | null> {
  const [row] = await db.query<PremiseRow>(
    `SELECT id, number, cadastral_number AS "cadastralNumber" FROM premises
     WHERE cadastral_number = $1 ORDER BY created_at LIMIT 1`,
    [cadastralNumber],
  );

  return row ?? null;
}

/** Premises of one kind in a house; the caller matches numbers by their key. */
export async function findPremisesOfKind(
  db: Queryable,
  houseId: string,
  kind: string,
): Promise<PremiseRow[]> {
  return db.query<PremiseRow>(
    `SELECT id, number, cadastral_number AS "cadastralNumber" FROM premises
     WHERE house_id = $1 AND kind = $2`,
    [houseId, kind],
  );
}

export async function insertPremise(
  tx: Queryable,
  premise: { houseId: string; number: string; kind: string; area: string; cadastralNumber: string },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO premises (house_id, number, kind, area_total, cadastral_number)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [premise.houseId, premise.number, premise.kind, premise.area, premise.cadastralNumber],
  );

  return row!.id;
}

/** Gives a premise found by number the cadastral number the registry confirmed. */
export async function setPremiseCadastral(tx: Queryable, premiseId: string, cadastral: string) {
  await tx.query(
    'UPDATE premises SET cadastral_number = $2 WHERE id = $1 AND cadastral_number IS NULL',
    [premiseId, cadastral],
  );
}

/** Ownerships in force on the premise today. */
export async function findLiveOwnerships(
  db: Queryable,
  premiseId: string,
): Promise<OwnershipShareRow[]> {
  return db.query<OwnershipShareRow>(
    `SELECT id, person_id AS "personId", share_numerator AS numerator,
            share_denominator AS denominator
     FROM ownerships WHERE premise_id = $1 AND (ended_on IS NULL OR ended_on >= CURRENT_DATE)`,
    [premiseId],
  );
}

export async function insertOwnership(
  tx: Queryable,
  ownership: {
    premiseId: string;
    personId: string;
    numerator: number;
    denominator: number;
    titleDocument: string;
    startedOn: string | null;
    rightNumber: string | null;
    rightRegisteredOn: string | null;
    claimId: string;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator,
       title_document, started_on, right_number, right_registered_on, source, claim_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'claim', $9) RETURNING id`,
    [
      ownership.premiseId,
      ownership.personId,
      ownership.numerator,
      ownership.denominator,
      ownership.titleDocument,
      ownership.startedOn,
      ownership.rightNumber,
      ownership.rightRegisteredOn,
      ownership.claimId,
    ],
  );

  return row!.id;
}

/** The claimant as the registry check needs them: full name and СНИЛС digest, if given. */
export async function findClaimant(db: Queryable, userId: string) {
  const [row] = await db.query<{
    personId: string;
    surname: string;
    name: string;
    patronymic: string | null;
    snilsDigest: string | null;
  }>(
    `SELECT p.id AS "personId", p.surname, p.name, p.patronymic, a.snils_digest AS "snilsDigest"
     FROM users u JOIN persons p ON p.id = u.person_id
     LEFT JOIN identity_assurances a ON a.user_id = u.id
     WHERE u.id = $1`,
    [userId],
  );

  return row ?? null;
}

/**
 * The e-mail address to notify: a confirmed e-mail contact; for accounts made without
 * registration (the demo's, an administrator's), the sign-in address, which counts as confirmed.
 */
export async function findNoticeEmail(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.query<{ email: string | null }>(
    `SELECT COALESCE(
       (SELECT c.value FROM contacts c JOIN users u ON u.person_id = c.person_id
        WHERE u.id = $1 AND c.kind = 'email' AND c.confirmed_at IS NOT NULL
        ORDER BY c.confirmed_at DESC LIMIT 1),
       (SELECT u.email FROM users u WHERE u.id = $1
          AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.person_id = u.person_id))) AS email`,
    [userId],
  );

  return row?.email ?? null;
}
