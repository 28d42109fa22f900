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
const PREMISE = ['owner', 'resident', 'representative', ...STAFF] as const;

const q = async <T>(f: Fixture, sql: string, params: unknown[] = []) =>
  (await f.world.platform.ctx.db.query<T>(sql, params))[0]!;

async function ownersHouse(f: Fixture): Promise<string> {
  return (
    await q<{ id: string }>(f, 'SELECT house_id AS id FROM premises WHERE id = $1', [
      f.world.ownerFlat,
    ])
  ).id;
}

/** The demo cold-water meter of the owner's flat. */
async function ownersMeter(f: Fixture): Promise<string> {
  return (
    await q<{ id: string }>(
      f,
      `SELECT id FROM meters WHERE premise_id = $1 AND resource = 'cold_water' AND status = 'active'
       ORDER BY created_at LIMIT 1`,
      [f.world.ownerFlat],
    )
  ).id;
}

/** An archived meter of the owner's flat: every write on it passes the rights check, then 409. */
async function archivedMeter(f: Fixture): Promise<string> {
  const existing = await f.world.platform.ctx.db.query<{ id: string }>(
    `SELECT id FROM meters WHERE premise_id = $1 AND serial_number = 'MATRIX-ARCHIVED'`,
    [f.world.ownerFlat],
  );

  if (existing[0]) {
    return existing[0].id;
  }

  return (
    await q<{ id: string }>(
      f,
      `INSERT INTO meters (organisation_id, house_id, premise_id, resource, integer_digits,
         fraction_digits, serial_number, installed_on, verification_interval_months, status, closed_on)
       SELECT $2, house_id, id, 'cold_water', 5, 3, 'MATRIX-ARCHIVED', '2020-01-01', 72, 'archived', '2024-01-01'
       FROM premises WHERE id = $1 RETURNING id`,
      [f.world.ownerFlat, f.world.orgs.managing],
    )
  ).id;
}

/** A reading of the owner's meter with the owner's uploaded scan as its photo. */
async function readingWithPhoto(f: Fixture): Promise<string> {
  const meterId = await archivedMeter(f);
  const existing = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT id FROM meter_readings WHERE meter_id = $1 AND photo_file_id IS NOT NULL',
    [meterId],
  );

  if (existing[0]) {
    return existing[0].id;
  }

  return (
    await q<{ id: string }>(
      f,
      `INSERT INTO meter_readings (meter_id, zone, period, kind, value, taken_on, source, photo_file_id)
       SELECT $1, 'single', '2023-12', 'regular', 10, '2023-12-20', 'owner', f.id
       FROM stored_files f JOIN users u ON u.id = f.uploaded_by
       WHERE u.email = 'owner@mpdom.test' ORDER BY f.created_at LIMIT 1 RETURNING id`,
      [meterId],
    )
  ).id;
}

// Zones given to a cold-water meter: refused after the rights check, so nothing is stored.
const BAD_METER = {
  resource: 'cold_water',
  zones: 2,
  integerDigits: 5,
  fractionDigits: 3,
  serialNumber: 'MATRIX',
  installedOn: '2026-01-01',
  initialValues: [{ zone: 'single', value: '0' }],
};

/**
 * Rows of the role × action matrix for meters. Every write passes the rights check and is then
 * refused for its content (a missing zone, an archived meter, a window day of 32, no file).
 */
export const METERS_ROWS: Record<string, Row> = {
  'GET /api/v1/premises/:premiseId/meters': {
    allow: PREMISE,
    call: (f) => ({ url: `/api/v1/premises/${f.world.ownerFlat}/meters` }),
  },
  'POST /api/v1/premises/:premiseId/meters': {
    allow: OFFICE,
    call: (f) => ({ url: `/api/v1/premises/${f.world.ownerFlat}/meters`, payload: BAD_METER }),
  },
  'GET /api/v1/houses/:houseId/meters': {
    allow: STAFF,
    call: async (f) => ({ url: `/api/v1/houses/${await ownersHouse(f)}/meters` }),
  },
  'POST /api/v1/houses/:houseId/meters': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/houses/${await ownersHouse(f)}/meters`,
      payload: BAD_METER,
    }),
  },
  'GET /api/v1/meters/:meterId/readings': {
    allow: PREMISE,
    call: async (f) => ({ url: `/api/v1/meters/${await ownersMeter(f)}/readings` }),
  },
  'POST /api/v1/meters/:meterId/readings': {
    allow: PREMISE,
    call: async (f) => ({
      url: `/api/v1/meters/${await ownersMeter(f)}/readings`,
      payload: { values: [{ zone: 'day', value: '1' }] },
    }),
  },
  'POST /api/v1/meters/:meterId/replacement': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/meters/${await archivedMeter(f)}/replacement`,
      payload: {
        replacedOn: '2025-01-01',
        finalValues: [{ zone: 'single', value: '1' }],
        newMeter: {
          serialNumber: 'M2',
          integerDigits: 5,
          fractionDigits: 3,
          initialValues: [{ zone: 'single', value: '0' }],
        },
      },
    }),
  },
  'POST /api/v1/meters/:meterId/archive': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/meters/${await archivedMeter(f)}/archive`,
      payload: { archivedOn: '2025-01-01', reason: 'matrix' },
    }),
  },
  'POST /api/v1/meters/:meterId/verification': {
    allow: OFFICE,
    call: async (f) => ({
      url: `/api/v1/meters/${await archivedMeter(f)}/verification`,
      payload: { verifiedOn: '2025-01-01' },
    }),
  },
  'GET /api/v1/premises/:premiseId/consumption': {
    allow: PREMISE,
    call: (f) => ({ url: `/api/v1/premises/${f.world.ownerFlat}/consumption?months=3` }),
  },
  'GET /api/v1/organisations/:orgId/meter-imbalance': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/meter-imbalance` }),
  },
  'GET /api/v1/organisations/:orgId/meter-settings': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/meter-settings` }),
  },
  'PUT /api/v1/organisations/:orgId/meter-settings': {
    allow: ADMINS,
    call: (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/meter-settings`,
      payload: {
        windowStartDay: 32,
        windowEndDay: 25,
        latePolicy: 'next_period',
        decreasePolicy: 'flag',
        jumpFactor: 5,
        imbalanceTolerancePercent: 10,
      },
    }),
  },
  'GET /api/v1/me/meter-reminders': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/me/meter-reminders' }),
  },
  'PUT /api/v1/me/meter-reminders': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/me/meter-reminders', payload: { reminders: [] } }),
  },
  'POST /api/v1/organisations/:orgId/reading-imports': {
    allow: OFFICE,
    call: (f) => ({
      url: `/api/v1/organisations/${f.world.orgs.managing}/reading-imports`,
      payload: {},
    }),
  },
  'POST /api/v1/meters/:meterId/photos': {
    allow: PREMISE,
    call: async (f) => ({ url: `/api/v1/meters/${await ownersMeter(f)}/photos`, payload: {} }),
  },
  'GET /api/v1/meter-readings/:readingId/photo': {
    allow: PREMISE,
    call: async (f) => ({ url: `/api/v1/meter-readings/${await readingWithPhoto(f)}/photo` }),
  },
};
