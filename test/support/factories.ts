import type { Queryable } from '../../src/server/platform/db/database.js';

let portalSeq = 990_000_000;

/** A house row as an import would leave it; override any column by its SQL name. */
export async function insertHouse(
  db: Queryable,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; portalId: number }> {
  portalSeq += 1;

  const row: Record<string, unknown> = {
    portal_id: portalSeq,
    address: `обл. Свердловская, г. Екатеринбург, ул. Тестовая, д. ${portalSeq % 1000}`,
    search_text: `свердловская екатеринбург тестовая ${portalSeq % 1000}`,
    area_residential: '1500.50',
    area_non_residential: '120.00',
    residential_premises_count: 24,
    non_residential_premises_count: 2,
    entrances: 2,
    floors_max: 5,
    source_hash: `test-${portalSeq}`,
    ...overrides,
  };
  const columns = Object.keys(row);
  const [inserted] = await db.query<{ id: string; portalId: number }>(
    `INSERT INTO houses (${columns.join(', ')})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING id, portal_id AS "portalId"`,
    Object.values(row),
  );

  if (!inserted) {
    throw new Error('house insert returned nothing');
  }

  return inserted;
}
