import type { HouseShape } from '../../../domain/premises/plan-demo-premises.js';
import { toCenti } from '../../../domain/premises/split-area.js';
import type { Queryable } from '../../platform/db/database.js';

export type DemoHouse = {
  id: string;
  portalId: number;
  address: string;
  managingOrganisationId: string | null;
  shape: HouseShape;
};

/**
 * Houses of the Ekaterinburg extract the demo lives in: Малышева, 15 (a management company),
 * Малышева, 21 к. 2 (a ТСЖ) and Малышева, 103/2. With another extract, any three houses whose
 * registry data is complete enough to lay out premises are taken instead.
 */
export const PREFERRED_DEMO_HOUSES = [7577365, 8615396, 7853806];

type HouseRow = {
  id: string;
  portalId: number;
  address: string;
  managingOrganisationId: string | null;
  areaResidential: string;
  areaNonResidential: string | null;
  residentialCount: number;
  nonResidentialCount: number | null;
  entrances: number;
  floors: number;
};

const COMPLETE = `area_residential > 0 AND residential_premises_count BETWEEN 8 AND 120
  AND entrances > 0 AND floors_max > 0`;

const COLUMNS = `id, portal_id AS "portalId", address,
  managing_organisation_id AS "managingOrganisationId",
  area_residential::text AS "areaResidential", area_non_residential::text AS "areaNonResidential",
  residential_premises_count AS "residentialCount",
  non_residential_premises_count AS "nonResidentialCount", entrances, floors_max AS floors`;

export async function selectDemoHouses(db: Queryable): Promise<DemoHouse[]> {
  let rows = await db.query<HouseRow>(
    `SELECT ${COLUMNS} FROM houses WHERE portal_id = ANY($1::bigint[]) AND ${COMPLETE}
     ORDER BY array_position($1::bigint[], portal_id)`,
    [PREFERRED_DEMO_HOUSES],
  );

  if (rows.length < PREFERRED_DEMO_HOUSES.length) {
    rows = await db.query<HouseRow>(
      `SELECT ${COLUMNS} FROM houses WHERE ${COMPLETE} ORDER BY portal_id LIMIT 3`,
    );
  }

  return rows.map((row) => ({
    id: row.id,
    portalId: row.portalId,
    address: row.address,
    managingOrganisationId: row.managingOrganisationId,
    shape: {
      residentialCenti: toCenti(row.areaResidential),
      residentialCount: row.residentialCount,
      nonResidentialCenti: row.areaNonResidential ? toCenti(row.areaNonResidential) : 0,
      nonResidentialCount: row.nonResidentialCount ?? 0,
      entrances: row.entrances,
      floors: row.floors,
    },
  }));
}
