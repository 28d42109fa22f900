import type { Queryable } from '../../platform/db/database.js';

export type HouseFactsRow = {
  yearBuilt: number | null;
  floorsMax: number | null;
  entrances: number | null;
  cadastralNumber: string | null;
  houseType: string | null;
  isEmergency: boolean | null;
  areaTotal: string | null;
  areaResidential: string | null;
  areaNonResidential: string | null;
  areaParking: string | null;
  residentialPremisesCount: number | null;
  nonResidentialPremisesCount: number | null;
};

export async function findHouseFacts(db: Queryable, houseId: string) {
  const rows = await db.query<HouseFactsRow>(
    `SELECT year_built AS "yearBuilt", floors_max AS "floorsMax", entrances,
       cadastral_number AS "cadastralNumber", house_type AS "houseType",
       is_emergency AS "isEmergency", area_total::text AS "areaTotal",
       area_residential::text AS "areaResidential",
       area_non_residential::text AS "areaNonResidential", area_parking::text AS "areaParking",
       residential_premises_count AS "residentialPremisesCount",
       non_residential_premises_count AS "nonResidentialPremisesCount"
     FROM houses WHERE id = $1`,
    [houseId],
  );

  return rows[0];
}

export async function findPremisesByKind(db: Queryable, houseId: string) {
  return db.query<{ kind: string; count: number; areaTotal: string; areaLiving: string }>(
    `SELECT kind, count(*)::int AS count, sum(area_total)::text AS "areaTotal",
       COALESCE(sum(area_living), 0)::text AS "areaLiving"
     FROM premises WHERE house_id = $1 GROUP BY kind ORDER BY kind`,
    [houseId],
  );
}

/**
 * The premises' areas against the registry's: flats against the residential area, offices and
 * storage rooms against the non-residential one, parking places against the parking area. The
 * difference is exact (numeric), premises minus registry.
 */
export async function findAreaCheck(db: Queryable, houseId: string) {
  return db.query<{
    part: 'residential' | 'non_residential' | 'parking';
    registry: string | null;
    premises: string;
    difference: string | null;
    registryCount: number | null;
    premisesCount: number;
  }>(
    `WITH parts(part, kinds) AS (VALUES
       ('residential', ARRAY['flat']),
       ('non_residential', ARRAY['non_residential', 'storage']),
       ('parking', ARRAY['parking'])
     ), sums AS (
       SELECT parts.part, COALESCE(sum(p.area_total), 0) AS area, count(p.id)::int AS n
       FROM parts LEFT JOIN premises p ON p.house_id = $1 AND p.kind = ANY(parts.kinds)
       GROUP BY parts.part
     )
     SELECT s.part, r.area::text AS registry, s.area::text AS premises,
       (s.area - r.area)::text AS difference, r.n AS "registryCount", s.n AS "premisesCount"
     FROM sums s JOIN houses h ON h.id = $1
     CROSS JOIN LATERAL (SELECT CASE s.part
         WHEN 'residential' THEN h.area_residential
         WHEN 'non_residential' THEN h.area_non_residential
         ELSE h.area_parking END AS area,
       CASE s.part
         WHEN 'residential' THEN h.residential_premises_count
         WHEN 'non_residential' THEN h.non_residential_premises_count END AS n) r
     ORDER BY array_position(ARRAY['residential', 'non_residential', 'parking'], s.part)`,
    [houseId],
  );
}

export async function findHouseCounts(db: Queryable, houseId: string, today: string) {
  const rows = await db.query<{
    ownersCount: number;
    premisesWithoutOwners: number;
    accountsOpen: number;
    residentsCount: number;
  }>(
    `SELECT
       (SELECT count(DISTINCT COALESCE(o.person_id, o.organisation_id))::int
        FROM ownerships o JOIN premises p ON p.id = o.premise_id
        WHERE p.house_id = $1 AND o.ended_on IS NULL) AS "ownersCount",
       (SELECT count(*)::int FROM premises p WHERE p.house_id = $1 AND NOT EXISTS
          (SELECT 1 FROM ownerships o WHERE o.premise_id = p.id AND o.ended_on IS NULL))
         AS "premisesWithoutOwners",
       (SELECT count(*)::int FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
        WHERE p.house_id = $1 AND a.closed_on IS NULL) AS "accountsOpen",
       (SELECT count(*)::int FROM residents r JOIN premises p ON p.id = r.premise_id
        WHERE p.house_id = $1
          AND (r.deregistered_on IS NULL OR r.deregistered_on >= $2::date)) AS "residentsCount"`,
    [houseId, today],
  );

  return rows[0]!;
}
