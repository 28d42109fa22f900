import type { Fixture, Row } from './access-matrix.table.js';

const DISPATCH = ['platform_admin', 'organisation_admin', 'dispatcher'] as const;
const STAFF = [...DISPATCH, 'executor'] as const;
const ADMINS = ['platform_admin', 'organisation_admin'] as const;
/** Who sees a request of the demo owner assigned to the matrix executor. */
const SEERS = [...STAFF, 'owner'] as const;
const uuid0 = '00000000-0000-4000-8000-000000000000';

async function userId(f: Fixture, email: string) {
  const [row] = await f.world.platform.ctx.db.query<{ id: string; personId: string }>(
    'SELECT id, person_id AS "personId" FROM users WHERE email = $1',
    [email],
  );

  return row!;
}

async function ownersHouse(f: Fixture) {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    'SELECT house_id AS id FROM premises WHERE id = $1',
    [f.world.ownerFlat],
  );

  return row!.id;
}

/**
 * A fresh request of the demo owner about their flat, assigned to the matrix executor, with a
 * photo: made for every call, so a status change that succeeds leaves nothing for the next.
 */
async function ownersRequest(f: Fixture): Promise<{ id: string; fileId: string }> {
  const db = f.world.platform.ctx.db;
  const owner = await userId(f, 'owner@mpdom.test');
  const executor = await userId(f, 'executor@mpdom.test');
  const [request] = await db.query<{ id: string }>(
    `INSERT INTO service_requests (organisation_id, house_id, premise_id, location,
       requester_user_id, requester_person_id, requester_status, category, kind, priority,
       description, description_key, status, executor_user_id)
     VALUES ($1, $2, $3, 'premise', $4, $5, 'owner_or_user', 'plumbing', 'repair', 'normal',
       'Матрица прав', 'матрица прав ${f.uniq()}', 'accepted', $6) RETURNING id`,
    [
      f.world.orgs.managing,
      await ownersHouse(f),
      f.world.ownerFlat,
      owner.id,
      owner.personId,
      executor.id,
    ],
  );
  const [file] = await db.query<{ id: string }>(
    // The owner's one scan, moved to each fresh request: a photo belongs to one request.
    'SELECT id FROM stored_files WHERE uploaded_by = $1 ORDER BY created_at LIMIT 1',
    [owner.id],
  );

  await db.query(
    `INSERT INTO service_request_photos (file_id, request_id, added_by, width, height)
     VALUES ($1, $2, $3, 1, 1) ON CONFLICT (file_id) DO UPDATE SET request_id = $2`,
    [file!.id, request!.id, owner.id],
  );

  return { id: request!.id, fileId: file!.id };
}

async function freshIncident(f: Fixture) {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    `INSERT INTO service_incidents (organisation_id, category, title, description, starts_at)
     VALUES ($1, 'heating', 'Матрица', 'Матрица', now()) RETURNING id`,
    [f.world.orgs.managing],
  );

  return row!.id;
}

async function freshWork(f: Fixture, status: 'planned' | 'done') {
  const [row] = await f.world.platform.ctx.db.query<{ id: string }>(
    `INSERT INTO planned_works (organisation_id, house_id, kind, title, starts_on, ends_on, status,
       completed_at, result_note)
     VALUES ($1, $2, 'maintenance', 'Матрица', CURRENT_DATE, CURRENT_DATE, $3,
       CASE WHEN $3 = 'done' THEN now() END, CASE WHEN $3 = 'done' THEN 'Сделано' END)
     RETURNING id`,
    [f.world.orgs.managing, await ownersHouse(f), status],
  );

  return row!.id;
}

const org = (f: Fixture) => `/api/v1/organisations/${f.world.orgs.managing}`;
const future = () => new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 10);

/** Rights of the service-requests endpoints. */
export const SERVICE_REQUESTS_ROWS: Record<string, Row> = {
  // Passes the rights check, then is refused as not multipart: stores nothing.
  'POST /api/v1/service-requests/photos': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/service-requests/photos', payload: { file: 'x' } }),
  },
  'GET /api/v1/service-requests/assistant/:category': {
    allow: 'signed_in',
    call: async (f) => ({
      url: `/api/v1/service-requests/assistant/plumbing?houseId=${await ownersHouse(f)}`,
    }),
  },
  'GET /api/v1/service-requests/similar': {
    allow: 'signed_in',
    call: async (f) => ({
      url: `/api/v1/service-requests/similar?houseId=${await ownersHouse(f)}&category=plumbing`,
    }),
  },
  // A house that does not exist: refused after the rights check, nothing stored.
  'POST /api/v1/service-requests': {
    allow: 'signed_in',
    call: () => ({
      url: '/api/v1/service-requests',
      payload: {
        houseId: uuid0,
        location: 'common_area',
        category: 'yard',
        description: 'Проверка прав доступа к заявкам',
      },
    }),
  },
  'GET /api/v1/service-requests/mine': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/service-requests/mine' }),
  },
  'GET /api/v1/service-requests/planned-works': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/service-requests/planned-works' }),
  },
  'GET /api/v1/service-requests/:id': {
    allow: SEERS,
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/service-requests/${(await ownersRequest(f)).id}` }),
  },
  'POST /api/v1/service-requests/:id/status': {
    allow: SEERS,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/service-requests/${(await ownersRequest(f)).id}/status`,
      payload: { action: 'start' },
    }),
  },
  'POST /api/v1/service-requests/:id/assignment': {
    allow: DISPATCH,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/service-requests/${(await ownersRequest(f)).id}/assignment`,
      payload: { executorUserId: (await userId(f, 'executor@mpdom.test')).id },
    }),
  },
  'POST /api/v1/service-requests/:id/comments': {
    allow: SEERS,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/service-requests/${(await ownersRequest(f)).id}/comments`,
      payload: { body: 'Комментарий матрицы' },
    }),
  },
  // Only the requester rates; an open request answers «not ratable», which is past the check.
  'POST /api/v1/service-requests/:id/rating': {
    allow: ['owner'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/service-requests/${(await ownersRequest(f)).id}/rating`,
      payload: { rating: 5 },
    }),
  },
  // People of the house: the resident joins, the owner is refused joining their own.
  'POST /api/v1/service-requests/:id/join': {
    allow: ['owner', 'resident'],
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/service-requests/${(await ownersRequest(f)).id}/join` }),
  },
  'GET /api/v1/service-requests/:id/photos/:fileId': {
    allow: SEERS,
    deniedAs: 404,
    call: async (f) => {
      const { id, fileId } = await ownersRequest(f);

      return { url: `/api/v1/service-requests/${id}/photos/${fileId}` };
    },
  },
  'GET /api/v1/organisations/:orgId/service-requests': {
    allow: STAFF,
    call: (f) => ({ url: `${org(f)}/service-requests` }),
  },
  'GET /api/v1/organisations/:orgId/service-requests/executors': {
    allow: DISPATCH,
    call: (f) => ({ url: `${org(f)}/service-requests/executors` }),
  },
  'GET /api/v1/organisations/:orgId/service-requests/assistant': {
    allow: ADMINS,
    call: (f) => ({ url: `${org(f)}/service-requests/assistant` }),
  },
  'PUT /api/v1/organisations/:orgId/service-requests/assistant/:category': {
    allow: ADMINS,
    call: (f) => ({
      url: `${org(f)}/service-requests/assistant/other`,
      payload: { intro: { ru: 'Опишите', en: 'Describe' }, questions: [] },
    }),
  },
  'GET /api/v1/organisations/:orgId/service-requests/settings': {
    allow: ADMINS,
    call: (f) => ({ url: `${org(f)}/service-requests/settings` }),
  },
  'PUT /api/v1/organisations/:orgId/service-requests/settings': {
    allow: ADMINS,
    call: (f) => ({
      url: `${org(f)}/service-requests/settings`,
      payload: { repairTerm: null, escalationUserId: null },
    }),
  },
  'POST /api/v1/organisations/:orgId/service-requests/limit-waivers': {
    allow: ADMINS,
    call: async (f) => ({
      url: `${org(f)}/service-requests/limit-waivers`,
      payload: { personId: (await userId(f, 'owner@mpdom.test')).personId, until: '2000-01-01' },
    }),
  },
  'POST /api/v1/organisations/:orgId/service-requests/deadline-sweep': {
    allow: DISPATCH,
    call: (f) => ({ url: `${org(f)}/service-requests/deadline-sweep` }),
  },
  'GET /api/v1/organisations/:orgId/service-requests/analytics': {
    allow: [...DISPATCH, 'inspector'],
    call: (f) => ({ url: `${org(f)}/service-requests/analytics` }),
  },
  'GET /api/v1/organisations/:orgId/service-incidents': {
    allow: STAFF,
    call: (f) => ({ url: `${org(f)}/service-incidents` }),
  },
  'POST /api/v1/organisations/:orgId/service-incidents': {
    allow: DISPATCH,
    call: async (f) => ({
      url: `${org(f)}/service-incidents`,
      payload: {
        category: 'heating',
        title: 'Матрица прав',
        description: 'Проверка',
        houseIds: [await ownersHouse(f)],
      },
    }),
  },
  'POST /api/v1/organisations/:orgId/service-incidents/:id/resolve': {
    allow: DISPATCH,
    call: async (f) => ({
      url: `${org(f)}/service-incidents/${await freshIncident(f)}/resolve`,
      payload: { note: 'Устранено' },
    }),
  },
  'GET /api/v1/organisations/:orgId/planned-works': {
    allow: STAFF,
    call: (f) => ({ url: `${org(f)}/planned-works` }),
  },
  'POST /api/v1/organisations/:orgId/planned-works': {
    allow: DISPATCH,
    call: async (f) => ({
      url: `${org(f)}/planned-works`,
      payload: {
        houseId: await ownersHouse(f),
        kind: 'maintenance',
        title: 'Матрица прав',
        startsOn: future(),
        endsOn: future(),
      },
    }),
  },
  'POST /api/v1/organisations/:orgId/planned-works/:id/completion': {
    allow: STAFF,
    call: async (f) => ({
      url: `${org(f)}/planned-works/${await freshWork(f, 'planned')}/completion`,
      payload: { resultNote: 'Сделано' },
    }),
  },
  'GET /api/v1/organisations/:orgId/planned-works/:id/act': {
    allow: STAFF,
    call: async (f) => ({ url: `${org(f)}/planned-works/${await freshWork(f, 'done')}/act` }),
  },
};
