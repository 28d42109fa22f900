import { OPEN_STATUSES, STATUSES } from '../../../domain/service-requests/status-machine.js';
import { mayReopen } from '../../../domain/service-requests/status-machine.js';
import type { Category } from '../../../domain/service-requests/categories.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import { loadForViewer, type Acting } from './request-access.js';
import { presentRequest, type Viewer } from './service-requests.presenter.js';
import {
  commentsOf,
  deadlinesOf,
  eventsOf,
  findHouse,
  findSimilarOpen,
  followedBy,
  listRequests,
  photosOf,
  type RequestRow,
} from './service-requests.repo.js';
import type { QueueQuery } from './service-requests.schema.js';
import { AppError } from '../../platform/errors.js';

async function presentPage(
  ctx: AppContext,
  page: { items: RequestRow[]; total: number },
  viewerOf: (row: RequestRow) => Viewer,
  query: PageQuery,
) {
  const ids = page.items.map((r) => r.id);
  const deadlines = await deadlinesOf(ctx.db, ids);
  const photos = await photosOf(ctx.db, ids);
  const now = new Date();

  return {
    items: page.items.map((row) =>
      presentRequest(row, {
        viewer: viewerOf(row),
        deadlines,
        photos,
        now,
        mayReopen: mayReopen(
          row.completedAt ? new Date(row.completedAt) : null,
          now,
          ctx.config.serviceRequests.reopenDays,
        ),
      }),
    ),
    total: page.total,
    page: query.page,
    limit: query.limit,
  };
}

/** The person's own requests and those they joined, newest first. */
export async function listMyRequests(ctx: AppContext, acting: Acting, query: PageQuery) {
  await authorize(ctx, acting.user, 'service_request.file');

  const me = acting.user!;
  const page = await listRequests(
    ctx.db,
    { userId: me.id },
    {
      limit: query.limit,
      offset: offsetOf(query),
    },
  );

  return presentPage(
    ctx,
    page,
    (row) => (row.requesterUserId === me.id ? 'requester' : 'follower'),
    query,
  );
}

/** One request with its history and the comments its viewer may read. */
export async function getRequest(ctx: AppContext, acting: Acting, id: string) {
  const { row, viewer } = await loadForViewer(ctx, acting, id);
  const organisationSide = viewer === 'dispatch' || viewer === 'executor';
  const [presented] = (
    await presentPage(ctx, { items: [row], total: 1 }, () => viewer, { page: 1, limit: 1 })
  ).items;

  if (organisationSide) {
    await recordAudit(ctx.db, {
      actorUserId: acting.user!.id,
      action: 'service_request.viewed',
      objectType: 'service_request',
      objectId: id,
      requestId: acting.requestId,
      personalDataAccess: true,
    });
  }

  return {
    ...presented!,
    events: (await eventsOf(ctx.db, id)).map((e) => ({
      ...e,
      createdAt: new Date(e.createdAt).toISOString(),
    })),
    comments: (await commentsOf(ctx.db, id, organisationSide)).map((c) => ({
      ...c,
      createdAt: new Date(c.createdAt).toISOString(),
    })),
  };
}

/**
 * The organisation's queue (nearest deadline first) or, with `mine`, an executor's own list.
 * Dispatch sees every request; an executor only those assigned to them.
 */
export async function listQueue(ctx: AppContext, acting: Acting, orgId: string, query: QueueQuery) {
  const scope = { organisationId: orgId };
  const dispatch = await authorize(ctx, acting.user, 'service_request.dispatch', scope).then(
    () => true,
    () => false,
  );

  if (!dispatch) {
    await authorize(ctx, acting.user, 'service_request.execute', scope);
  }

  const mine = query.mine || !dispatch;
  const statuses =
    query.status === 'open'
      ? [...OPEN_STATUSES]
      : query.status === 'all'
        ? [...STATUSES]
        : [query.status];
  const page = await listRequests(
    ctx.db,
    {
      organisationId: orgId,
      statuses,
      ...(query.houseId ? { houseId: query.houseId } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.overdue ? { overdue: true } : {}),
      ...(mine ? { executorUserId: acting.user!.id } : {}),
    },
    { limit: query.limit, offset: offsetOf(query) },
  );

  await recordAudit(ctx.db, {
    actorUserId: acting.user!.id,
    action: 'service_requests.queue_viewed',
    objectType: 'organisation',
    objectId: orgId,
    requestId: acting.requestId,
    personalDataAccess: true,
  });

  return presentPage(ctx, page, () => (dispatch ? 'dispatch' : 'executor'), query);
}

/** Open requests of the house in the category, offered before filing a new one. */
export async function listSimilar(
  ctx: AppContext,
  acting: Acting,
  houseId: string,
  category: Category,
) {
  await authorize(ctx, acting.user, 'service_request.file');

  if (!(await findHouse(ctx.db, houseId))) {
    throw new AppError('not_found', { detail: { ru: 'Дом не найден', en: 'No such house' } });
  }

  const rows = await findSimilarOpen(ctx.db, houseId, category);
  const joined = await followedBy(
    ctx.db,
    rows.map((r) => r.id),
    acting.user!.id,
  );

  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    category: row.category as Category,
    status: row.status as never,
    description: row.description,
    createdAt: new Date(row.createdAt).toISOString(),
    followers: row.followers,
    joined: joined.has(row.id) || row.requesterUserId === acting.user!.id,
  }));
}

/** Staff who can be assigned: executors first, then dispatchers and admins doing it themselves. */
export async function listExecutors(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'service_request.dispatch', { organisationId: orgId });

  const rows = await ctx.db.query<{
    userId: string;
    displayName: string;
    roles: string[];
    openRequests: number;
  }>(
    `SELECT m.user_id AS "userId", concat_ws(' ', p.surname, p.name, p.patronymic) AS "displayName",
            array_agg(DISTINCT m.role ORDER BY m.role) AS roles,
            (SELECT count(*)::int FROM service_requests r WHERE r.executor_user_id = m.user_id
               AND r.status IN ('accepted', 'in_progress', 'waiting_resident', 'reopened'))
              AS "openRequests"
     FROM memberships m JOIN users u ON u.id = m.user_id JOIN persons p ON p.id = u.person_id
     WHERE m.organisation_id = $1 AND m.role IN ('executor', 'dispatcher', 'organisation_admin')
     GROUP BY m.user_id, p.surname, p.name, p.patronymic
     ORDER BY bool_or(m.role = 'executor') DESC, "displayName"`,
    [orgId],
  );

  return rows;
}
