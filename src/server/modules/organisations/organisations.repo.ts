import type { Queryable } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/like.js';

export type OrganisationRow = {
  id: string;
  name: string;
  kind: string;
  inn: string | null;
  ogrn: string | null;
  portalLink: string | null;
  housesCount: number;
};

const COLUMNS = `
  o.id, o.name, o.kind, o.inn, o.ogrn, o.portal_link AS "portalLink",
  (SELECT count(*)::int FROM houses h WHERE h.managing_organisation_id = o.id) AS "housesCount"`;

/** Organisations whose normalised name holds every word, in name order. */
export async function findOrganisations(
  db: Queryable,
  filter: { words: string[]; limit: number; offset: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const params: unknown[] = filter.words.map((word) => `%${escapeLike(word)}%`);
  const where =
    params.length > 0
      ? `WHERE ${params.map((_, i) => `o.normalized_name LIKE $${i + 1} ESCAPE '\\'`).join(' AND ')}`
      : '';
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM organisations o ${where}`,
    params,
  );
  const rows = await db.query<OrganisationRow>(
    `SELECT ${COLUMNS}
       FROM organisations o
       ${where}
      ORDER BY o.normalized_name COLLATE "C", o.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );

  return { rows, total: count?.total ?? 0 };
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.query<OrganisationRow>(
    `SELECT ${COLUMNS} FROM organisations o WHERE o.id = $1`,
    [id],
  );

  return row ?? null;
}
