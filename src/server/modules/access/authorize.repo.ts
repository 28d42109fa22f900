import type { Queryable } from '../../platform/db/database.js';

export type MembershipRow = {
  role: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
};

export type PremiseRelationRow = {
  premiseId: string;
  relation: 'owner' | 'resident';
  houseAddress: string;
  premiseNumber: string;
};

export type PowerRow = {
  id: string;
  principalPersonId: string;
  premiseId: string;
  validFrom: string;
  validUntil: string;
  revokedAt: Date | null;
};

export async function findMemberships(db: Queryable, userId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `SELECT m.role, m.organisation_id AS "organisationId", o.name AS "organisationName",
            o.kind AS "organisationKind"
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = $1 ORDER BY o.name, m.role`,
    [userId],
  );
}

/** The organisation and every organisation above it, nearest first (departments of departments). */
export async function findOrganisationLine(db: Queryable, organisationId: string) {
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE line(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM organisations WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, line.depth + 1
       FROM organisations o JOIN line ON o.id = line.parent_id WHERE line.depth < 16
     )
     SELECT id FROM line ORDER BY depth`,
    [organisationId],
  );

  return rows.map((r) => r.id);
}

/** The organisation managing the house of a premise, or null; undefined when no such premise. */
export async function findPremiseManager(
  db: Queryable,
  premiseId: string,
): Promise<{ managingOrganisationId: string | null } | undefined> {
  const rows = await db.query<{ managingOrganisationId: string | null }>(
    `SELECT h.managing_organisation_id AS "managingOrganisationId"
     FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
    [premiseId],
  );

  return rows[0];
}

/** Current ownerships and registrations of a person (ended ones do not count). */
export async function findPremiseRelations(
  db: Queryable,
  personId: string,
  premiseId?: string,
): Promise<PremiseRelationRow[]> {
  return db.query<PremiseRelationRow>(
    `SELECT r.premise_id AS "premiseId", r.relation, h.address AS "houseAddress",
            p.number AS "premiseNumber"
     FROM (
       SELECT premise_id, 'owner' AS relation FROM ownerships
       WHERE person_id = $1 AND (ended_on IS NULL OR ended_on >= CURRENT_DATE)
       UNION
       SELECT premise_id, 'resident' AS relation FROM residents
       WHERE person_id = $1 AND (deregistered_on IS NULL OR deregistered_on >= CURRENT_DATE)
     ) r
     JOIN premises p ON p.id = r.premise_id JOIN houses h ON h.id = p.house_id
     WHERE ($2::uuid IS NULL OR r.premise_id = $2::uuid)
     ORDER BY h.address, p.number, r.relation`,
    [personId, premiseId ?? null],
  );
}

/** Powers of attorney naming the user as representative, in force or not (the caller decides). */
export async function findPowersHeld(
  db: Queryable,
  userId: string,
  premiseId?: string,
): Promise<PowerRow[]> {
  return db.query<PowerRow>(
    `SELECT id, principal_person_id AS "principalPersonId", premise_id AS "premiseId",
            to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
            to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", revoked_at AS "revokedAt"
     FROM powers_of_attorney
     WHERE representative_user_id = $1 AND ($2::uuid IS NULL OR premise_id = $2::uuid)`,
    [userId, premiseId ?? null],
  );
}

export async function findAssuranceLevel(db: Queryable, userId: string): Promise<string | null> {
  const rows = await db.query<{ level: string }>(
    'SELECT level FROM identity_assurances WHERE user_id = $1',
    [userId],
  );

  return rows[0]?.level ?? null;
}
