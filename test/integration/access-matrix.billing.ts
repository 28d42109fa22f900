import type { Fixture, Row } from './access-matrix.table.js';

const STAFF = [
  'platform_admin',
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
] as const;
const OFFICE = ['platform_admin', 'organisation_admin', 'accountant'] as const;
const PAYERS = ['owner', 'resident', 'representative'] as const;
const uuid0 = '00000000-0000-4000-8000-000000000000';

type Objects = {
  accountId: string;
  houseId: string;
  runId: string;
  batchId: string;
  entryId: string;
  paymentId: string;
  registryId: string;
  lineId: string;
};

const made = new WeakMap<Fixture['world'], Promise<Objects>>();

/** One object of each kind the rows address by id, made once per matrix run. */
function objects(f: Fixture): Promise<Objects> {
  let found = made.get(f.world);

  if (!found) {
    found = make(f);
    made.set(f.world, found);
  }

  return found;
}

async function make(f: Fixture): Promise<Objects> {
  const db = f.world.platform.ctx.db;
  const [account] = await db.query<{ id: string; houseId: string; orgId: string }>(
    `SELECT a.id, p.house_id AS "houseId", a.organisation_id AS "orgId" FROM personal_accounts a
       JOIN premises p ON p.id = a.premise_id WHERE a.premise_id = $1 LIMIT 1`,
    [f.world.ownerFlat],
  );
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params))[0]!.id;
  const orgId = account!.orgId;

  return {
    accountId: account!.id,
    houseId: account!.houseId,
    runId: await one(
      `INSERT INTO billing_runs (organisation_id, house_id, period, status) VALUES ($1, $2, '2001-01', 'queued') RETURNING id`,
      [orgId, account!.houseId],
    ),
    batchId: await one(
      `INSERT INTO billing_epd_batches (organisation_id, house_id, period) VALUES ($1, $2, '2001-01') RETURNING id`,
      [orgId, account!.houseId],
    ),
    entryId: await one(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, period, kind, amount_kopecks, description, source_type)
       VALUES ($1, '2001-01-31', '2001-01', 'accrual', 0, 'матрица', 'manual') RETURNING id`,
      [account!.id],
    ),
    paymentId: await one(
      `INSERT INTO billing_online_payments (personal_account_id, amount_kopecks, provider, expires_at)
       VALUES ($1, 100, 'sandbox', now() + interval '1 hour') RETURNING id`,
      [account!.id],
    ),
    registryId: await one(
      `INSERT INTO billing_registries (organisation_id, file_name, file_sha256, encoding, lines_count, payments_count,
         matched_count, unmatched_count, error_count, duplicate_count, total_kopecks)
       VALUES ($1, 'matrix.txt', 'matrix', 'utf8', 0, 0, 0, 0, 0, 0, 0) RETURNING id`,
      [orgId],
    ),
    lineId: await one(
      `INSERT INTO billing_registry_lines (registry_id, organisation_id, line_no, raw, status)
       SELECT id, organisation_id, 1, 'x', 'error' FROM billing_registries WHERE file_sha256 = 'matrix' RETURNING id`,
      [],
    ),
  };
}

const org = (f: Fixture) => f.world.orgs.managing;

/**
 * Rights of the billing endpoints. Writes pass the rights check and are then refused for their
 * content (an overlapping tariff, a house the organisation does not manage, a zero amount), so
 * the matrix leaves the demo's money as it was.
 */
export const BILLING_ROWS: Record<string, Row> = {
  'GET /api/v1/organisations/:orgId/billing-settings': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/billing-settings` }),
  },
  'PUT /api/v1/organisations/:orgId/billing-settings': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/billing-settings`,
      payload: {
        payeeName: 'Матрица',
        inn: '6670000000',
        bankName: 'Банк',
        bik: '046577674',
        correspondentAccount: '30101810500000000674',
        settlementAccount: '40702810000000000000',
      },
    }),
  },
  'GET /api/v1/organisations/:orgId/tariffs': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/tariffs` }),
  },
  'POST /api/v1/organisations/:orgId/tariffs': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/tariffs`,
      payload: { service: 'maintenance', rate: '1', validFrom: '2000-01-01' },
    }),
  },
  'GET /api/v1/organisations/:orgId/norms': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/norms` }),
  },
  'POST /api/v1/organisations/:orgId/norms': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/norms`,
      payload: { service: 'cold_water', quantity: '1', validFrom: '2000-01-01' },
    }),
  },
  'POST /api/v1/organisations/:orgId/billing-runs': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/billing-runs`,
      payload: { houseId: uuid0, period: '2001-01' },
    }),
  },
  'GET /api/v1/organisations/:orgId/billing-runs': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/billing-runs` }),
  },
  'GET /api/v1/billing-runs/:id': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/billing-runs/${(await objects(f)).runId}` }),
  },
  'GET /api/v1/billing-runs/:id/charges': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/billing-runs/${(await objects(f)).runId}/charges` }),
  },
  'POST /api/v1/billing-runs/:id/close': {
    allow: OFFICE,
    call: async (f) => ({ url: `/api/v1/billing-runs/${(await objects(f)).runId}/close` }),
  },
  'POST /api/v1/organisations/:orgId/recalculations': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/recalculations`,
      payload: {
        personalAccountId: uuid0,
        service: 'maintenance',
        correctsPeriod: '2001-01',
        amountKopecks: -100,
        ground: 'матрица',
      },
    }),
  },
  'POST /api/v1/organisations/:orgId/epd-batches': {
    allow: STAFF,
    call: async (f) => ({
      url: `/api/v1/organisations/${org(f)}/epd-batches`,
      payload: { houseId: (await objects(f)).houseId, period: '2001-01' },
    }),
  },
  'GET /api/v1/epd-batches/:id': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/epd-batches/${(await objects(f)).batchId}` }),
  },
  'GET /api/v1/epd-batches/:id/file': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/epd-batches/${(await objects(f)).batchId}/file` }),
  },
  'GET /api/v1/me/billing-accounts': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/me/billing-accounts' }),
  },
  'GET /api/v1/personal-accounts/:accountId/bills': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({ url: `/api/v1/personal-accounts/${(await objects(f)).accountId}/bills` }),
  },
  'GET /api/v1/personal-accounts/:accountId/bills/:period': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({
      url: `/api/v1/personal-accounts/${(await objects(f)).accountId}/bills/2001-01`,
    }),
  },
  'GET /api/v1/personal-accounts/:accountId/bills/:period/epd.pdf': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({
      url: `/api/v1/personal-accounts/${(await objects(f)).accountId}/bills/2001-01/epd.pdf`,
    }),
  },
  'GET /api/v1/personal-accounts/:accountId/ledger': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({
      url: `/api/v1/personal-accounts/${(await objects(f)).accountId}/ledger`,
    }),
  },
  'POST /api/v1/ledger-entries/:id/reversal': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/ledger-entries/${(await objects(f)).entryId}/reversal`,
      payload: { reason: 'матрица' },
    }),
  },
  'GET /api/v1/organisations/:orgId/debtors': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/debtors` }),
  },
  'POST /api/v1/personal-accounts/:accountId/online-payments': {
    allow: PAYERS,
    call: async (f) => ({
      url: `/api/v1/personal-accounts/${(await objects(f)).accountId}/online-payments`,
      payload: { amountKopecks: 0 },
    }),
  },
  'GET /api/v1/online-payments/:id': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({ url: `/api/v1/online-payments/${(await objects(f)).paymentId}` }),
  },
  'GET /api/v1/online-payments/:id/receipt.pdf': {
    allow: [...PAYERS, ...STAFF],
    call: async (f) => ({
      url: `/api/v1/online-payments/${(await objects(f)).paymentId}/receipt.pdf`,
    }),
  },
  // The acquirer is not a user: its calls are checked by their signature, not by a session.
  'POST /api/v1/acquiring/:provider/callbacks': {
    allow: 'public',
    call: () => ({ url: '/api/v1/acquiring/sandbox/callbacks', payload: { eventId: 'x' } }),
  },
  // The sandbox bank's pages are the bank's, open to whoever holds the payment's link.
  'GET /api/v1/sandbox-acquirer/payments/:id': {
    allow: 'public',
    call: () => ({ url: `/api/v1/sandbox-acquirer/payments/sbx_${'0'.repeat(24)}` }),
  },
  'POST /api/v1/sandbox-acquirer/payments/:id/decision': {
    allow: 'public',
    call: () => ({
      url: `/api/v1/sandbox-acquirer/payments/sbx_${'0'.repeat(24)}/decision`,
      payload: { outcome: 'timeout' },
    }),
  },
  'POST /api/v1/organisations/:orgId/payment-registries': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${org(f)}/payment-registries`,
      payload: { file: 'not multipart' },
    }),
  },
  'GET /api/v1/organisations/:orgId/payment-registries': {
    allow: OFFICE,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/payment-registries` }),
  },
  'GET /api/v1/payment-registries/:id': {
    allow: OFFICE,
    call: async (f) => ({ url: `/api/v1/payment-registries/${(await objects(f)).registryId}` }),
  },
  'GET /api/v1/organisations/:orgId/unmatched-payments': {
    allow: OFFICE,
    call: (f) => ({ url: `/api/v1/organisations/${org(f)}/unmatched-payments` }),
  },
  'POST /api/v1/registry-lines/:id/match': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/registry-lines/${(await objects(f)).lineId}/match`,
      payload: { personalAccount: 'X' },
    }),
  },
};
