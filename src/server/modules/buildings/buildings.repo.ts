import type { Queryable } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/like.js';

export type BuildingRow = {
  id: string;
  portalId: number;
  address: string;
  yearBuilt: number | null;
  floorsMax: number | null;
  isEmergency: boolean | null;
  latitude: number | null;
  longitude: number | null;
  organisationId: string | null;
  organisationName: string | null;
};

export type BuildingDetailRow = BuildingRow & {
  series: string | null;
  houseType: string | null;
  capitalRepairFund: string | null;
  floorsMin: number | null;
  entrances: number | null;
  premisesCount: number | null;
  residentialPremisesCount: number | null;
  nonResidentialPremisesCount: number | null;
  areaTotal: string | null;
  areaResidential: string | null;
  areaNonResidential: string | null;
  areaCommon: string | null;
  areaLand: string | null;
  areaParking: string | null;
  cadastralNumber: string | null;
  energyClass: string | null;
  playground: string | null;
  sportsGround: string | null;
  otherImprovements: string | null;
  notes: string | null;
  portalUpdatedAt: Date | string | null;
  serviceStartedOn: string | null;
  timeZone: string;
  demoPremises: number;
};

const SUMMARY_COLUMNS = `
  h.id, h.portal_id AS "portalId", h.address, h.year_built AS "yearBuilt",
  h.floors_max AS "floorsMax", h.is_emergency AS "isEmergency", h.latitude, h.longitude,
  o.id AS "organisationId", o.name AS "organisationName"`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (ch) => `\\${ch}`);
}

/**
 * Every word must match (AND), in any order. Words match anywhere in the folded address, so a
 * half-typed street name finds the street. Words that start with a digit are house numbers and
 * match from the start of a word: «5» finds «5», «5а» and «5 к 1», not «15» or «54»; «5а» finds
 * «5а», not «15а».
 */
function whereClause(words: string[], organisationId: string | undefined, params: unknown[]) {
  const conditions: string[] = [];

  for (const word of words) {
    if (/^\d/.test(word)) {
      const end = /^\d+$/.test(word) ? '($|[^0-9])' : '';

      params.push(`(^| )${escapeRegex(word)}${end}`);
      conditions.push(`h.search_text ~ $${params.length}`);
    } else {
      params.push(`%${escapeLike(word)}%`);
      conditions.push(`h.search_text LIKE $${params.length} ESCAPE '\\'`);
    }
  }

  if (organisationId) {
    params.push(organisationId);
    conditions.push(`h.managing_organisation_id = $${params.length}`);
  }

  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Houses whose address holds each search word as a whole word come before partial matches. */
function relevance(words: string[], params: unknown[]): string {
  const streetWords = words.filter((word) => !/^\d/.test(word));

  if (streetWords.length === 0) {
    return '';
  }

  const scores = streetWords.map((word) => {
    params.push(`% ${escapeLike(word)} %`);

    return `(CASE WHEN ' ' || h.search_text || ' ' LIKE $${params.length} ESCAPE '\\' THEN 1 ELSE 0 END)`;
  });

  return `${scores.join(' + ')} DESC, `;
}

export async function findBuildings(
  db: Queryable,
  filter: { words: string[]; organisationId?: string; limit: number; offset: number },
): Promise<{ rows: BuildingRow[]; total: number }> {
  const params: unknown[] = [];
  const where = whereClause(filter.words, filter.organisationId, params);
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM houses h ${where}`,
    params,
  );
  const order = relevance(filter.words, params);

  params.push(filter.limit, filter.offset);

  const rows = await db.query<BuildingRow>(
    `SELECT ${SUMMARY_COLUMNS}
       FROM houses h
       LEFT JOIN organisations o ON o.id = h.managing_organisation_id
       ${where}
      ORDER BY ${order}h.sort_key COLLATE "C", h.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );

  return { rows, total: count?.total ?? 0 };
}

export async function findBuilding(db: Queryable, id: string): Promise<BuildingDetailRow | null> {
  const [row] = await db.query<BuildingDetailRow>(
    `SELECT ${SUMMARY_COLUMNS},
            h.series, h.house_type AS "houseType", h.capital_repair_fund AS "capitalRepairFund",
            h.floors_min AS "floorsMin", h.entrances, h.premises_count AS "premisesCount",
            h.residential_premises_count AS "residentialPremisesCount",
            h.non_residential_premises_count AS "nonResidentialPremisesCount",
            h.area_total::text AS "areaTotal", h.area_residential::text AS "areaResidential",
            h.area_non_residential::text AS "areaNonResidential",
            h.area_common::text AS "areaCommon", h.area_land::text AS "areaLand",
            h.area_parking::text AS "areaParking", h.cadastral_number AS "cadastralNumber",
            h.energy_class AS "energyClass", h.playground, h.sports_ground AS "sportsGround",
            h.other_improvements AS "otherImprovements", h.notes,
            h.portal_updated_at AS "portalUpdatedAt", h.service_started_on AS "serviceStartedOn",
            h.time_zone AS "timeZone",
            (SELECT count(*)::int FROM premises p WHERE p.house_id = h.id) AS "demoPremises"
       FROM houses h
       LEFT JOIN organisations o ON o.id = h.managing_organisation_id
      WHERE h.id = $1`,
    [id],
  );

  return row ?? null;
}
