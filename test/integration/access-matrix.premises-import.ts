import type { Fixture, Row } from './access-matrix.table.js';

const OFFICE = ['platform_admin', 'organisation_admin', 'accountant'] as const;

async function ownersHouse(f: Fixture): Promise<string> {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT house_id AS id FROM premises WHERE id = $1',
    [f.world.ownerFlat],
  );

  return row!.id;
}

/**
 * Rows of the role × action matrix for the premises import. The import call carries no file, so
 * whoever passes the rights check is refused for the missing upload and nothing is stored.
 */
export const PREMISES_IMPORT_ROWS: Record<string, Row> = {
  'GET /api/v1/premises-imports/template.csv': {
    allow: 'public',
    call: () => ({ url: '/api/v1/premises-imports/template.csv' }),
  },
  'POST /api/v1/houses/:houseId/premises-imports': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/houses/${await ownersHouse(f)}/premises-imports?dryRun=true`,
      payload: {},
    }),
  },
};
