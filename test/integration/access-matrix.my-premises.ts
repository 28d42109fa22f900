import type { Row } from './access-matrix.table.js';

/** Rows of the role × action matrix for this module's endpoints. */
export const MY_PREMISES_ROWS: Record<string, Row> = {
  // One's own premises: anyone signed in gets their list (empty when they have none).
  'GET /api/v1/me/premises': { allow: 'signed_in', call: () => ({ url: '/api/v1/me/premises' }) },
  // The owner's flat: its owner, the resident registered there and the owner's representative
  // see it; for everyone else, staff and admins included, it does not exist here.
  'GET /api/v1/me/premises/:premiseId': {
    allow: ['owner', 'resident', 'representative'],
    deniedAs: 404,
    call: (f) => ({ url: `/api/v1/me/premises/${f.world.ownerFlat}` }),
  },
};
