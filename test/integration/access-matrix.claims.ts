import type { Fixture, Row } from './access-matrix.table.js';

const DECIDERS = [
  'platform_admin',
  'identity_operator',
  'organisation_admin',
  'accountant',
] as const;
let seq = 0;

/**
 * A claim of the demo owner in conflict, routed to the organisation managing the owner's house,
 * with the owner's uploaded scan attached: fresh for every call, so a decision or a withdrawal
 * that succeeds leaves nothing for the next caller to trip over.
 */
async function ownersConflict(f: Fixture): Promise<{ id: string; fileId: string }> {
  const db = f.world.platform.ctx.db;

  seq += 1;

  const [claim] = await db.query<{ id: string }>(
    `INSERT INTO property_claims (user_id, person_id, house_id, premise_number, premise_kind,
       cadastral_number, area, share_numerator, share_denominator, title_kind, status, mismatches,
       routed_organisation_id)
     SELECT u.id, u.person_id, p.house_id, 'М-' || $2::text, 'parking', '66:41:0799999:' || $2::text,
            18, 1, 1, 'sale_contract', 'conflict',
            '[{"code":"area","claimed":"18.00","found":"15.30"}]'::jsonb, $3
     FROM users u, premises p WHERE u.email = 'owner@mpdom.test' AND p.id = $1
     RETURNING id`,
    [f.world.ownerFlat, String(seq), f.world.orgs.managing],
  );
  const [file] = await db.query<{ id: string }>(
    `SELECT f.id FROM stored_files f JOIN users u ON u.id = f.uploaded_by
     WHERE u.email = 'owner@mpdom.test' ORDER BY f.created_at LIMIT 1`,
  );

  await db.query('INSERT INTO property_claim_files (claim_id, file_id) VALUES ($1, $2)', [
    claim!.id,
    file!.id,
  ]);

  return { id: claim!.id, fileId: file!.id };
}

/** Rows of the role × action matrix for this module's endpoints. */
export const CLAIM_ROWS: Record<string, Row> = {
  'POST /api/v1/property-claims': {
    allow: 'signed_in',
    // Passes the rights check, then is refused for its malformed cadastral number: stores nothing.
    call: (f) => ({
      url: '/api/v1/property-claims',
      payload: {
        houseId: '00000000-0000-4000-8000-000000000000',
        premiseNumber: '1',
        premiseKind: 'flat',
        cadastralNumber: `matrix-${f.uniq()}`,
        area: '40',
        share: '1',
        titleKind: 'sale_contract',
        fileIds: ['00000000-0000-4000-8000-000000000000'],
      },
    }),
  },
  'GET /api/v1/property-claims/mine': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/property-claims/mine' }),
  },
  'GET /api/v1/property-claims/queues': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/property-claims/queues' }),
  },
  'POST /api/v1/property-claims/:id/withdraw': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/property-claims/${(await ownersConflict(f)).id}/withdraw`,
    }),
  },
  'POST /api/v1/property-claims/:id/decision': {
    allow: DECIDERS,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/property-claims/${(await ownersConflict(f)).id}/decision`,
      payload: { decision: 'reject', reason: 'Матрица прав' },
    }),
  },
  'GET /api/v1/property-claims/:id/files/:fileId': {
    allow: ['owner', ...DECIDERS],
    deniedAs: 404,
    call: async (f) => {
      const claim = await ownersConflict(f);

      return { url: `/api/v1/property-claims/${claim.id}/files/${claim.fileId}` };
    },
  },
  'GET /api/v1/organisations/:orgId/property-claims': {
    allow: DECIDERS,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/property-claims` }),
  },
};
