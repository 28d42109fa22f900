import type { Fixture, Row } from './access-matrix.table.js';

const STAFF = [
  'platform_admin',
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
] as const;
const OFFICE = ['platform_admin', 'organisation_admin', 'accountant'] as const;
const ADMINS = ['platform_admin', 'organisation_admin'] as const;

async function ownersHouse(f: Fixture): Promise<string> {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT house_id AS id FROM premises WHERE id = $1',
    [f.world.ownerFlat],
  );

  return row!.id;
}

async function ownersContract(f: Fixture): Promise<{ houseId: string; id: string }> {
  const houseId = await ownersHouse(f);
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT id FROM management_contracts WHERE house_id = $1 LIMIT 1',
    [houseId],
  );

  return { houseId, id: row!.id };
}

async function ownersAccount(f: Fixture): Promise<string> {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT id FROM personal_accounts WHERE premise_id = $1 AND closed_on IS NULL LIMIT 1',
    [f.world.ownerFlat],
  );

  return row!.id;
}

/**
 * Rows of the role × action matrix for the house register. Every write passes the rights check
 * and is then refused for its content (an overlapping contract, a date before the start, an
 * empty change), so the matrix leaves the demo's owners, contracts and accounts as they were.
 */
export const HOUSE_REGISTER_ROWS: Record<string, Row> = {
  'GET /api/v1/organisations/:orgId/houses': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/houses` }),
  },
  'GET /api/v1/houses/:houseId/register': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/houses/${await ownersHouse(f)}/register` }),
  },
  'GET /api/v1/houses/:houseId/passport': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/houses/${await ownersHouse(f)}/passport` }),
  },
  'GET /api/v1/premises/:id/register-card': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/premises/${f.world.ownerFlat}/register-card` }),
  },
  'PATCH /api/v1/premises/:id': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/premises/${f.world.otherFlat}`,
      payload: { areaTotal: '0' },
    }),
  },
  'POST /api/v1/premises/:premiseId/ownership-changes': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/premises/${f.world.ownerFlat}/ownership-changes`,
      payload: { reason: 'correction', date: '2020-01-01', ending: [], starting: [] },
    }),
  },
  'GET /api/v1/houses/:houseId/management-contracts': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/houses/${await ownersHouse(f)}/management-contracts` }),
  },
  'POST /api/v1/houses/:houseId/management-contracts': {
    allow: ADMINS,
    call: async (f) => ({
      url: `/api/v1/houses/${await ownersHouse(f)}/management-contracts`,
      payload: { organisationId: f.world.orgs.managing, startedOn: '2016-01-01' },
    }),
  },
  'POST /api/v1/houses/:houseId/management-contracts/:id/end': {
    allow: ADMINS,
    call: async (f) => {
      const contract = await ownersContract(f);

      return {
        url: `/api/v1/houses/${contract.houseId}/management-contracts/${contract.id}/end`,
        payload: { endedOn: '2000-01-01', reason: 'Матрица прав' },
      };
    },
  },
  'GET /api/v1/organisations/:orgId/personal-accounts': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/personal-accounts` }),
  },
  'POST /api/v1/personal-accounts': {
    allow: OFFICE,
    call: (f) => ({
      url: '/api/v1/personal-accounts',
      payload: {
        premiseId: f.world.otherFlat,
        payerPersonId: '00000000-0000-4000-8000-000000000000',
        openedOn: '2020-01-01',
      },
    }),
  },
  'GET /api/v1/personal-accounts/:id': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/personal-accounts/${await ownersAccount(f)}` }),
  },
  'POST /api/v1/personal-accounts/:id/close': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/personal-accounts/${await ownersAccount(f)}/close`,
      payload: { closedOn: '2000-01-01', reason: 'Матрица прав' },
    }),
  },
};
