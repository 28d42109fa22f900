import { mayReopen } from '../../../domain/service-requests/status-machine.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { presentRequest, type Viewer } from './service-requests.presenter.js';
import {
  deadlinesOf,
  findRequest,
  isFollower,
  photosOf,
  type RequestRow,
} from './service-requests.repo.js';

export type Acting = { user: SignedInUser | null; requestId: string };

const allowed = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    () => false,
  );

/**
 * Who the caller is to the request: its dispatch (organisation admin, dispatcher), its executor,
 * its requester, or someone who joined it. Anybody else gets `not_found`, so ids of other
 * people's requests cannot be probed.
 */
export async function viewerOf(
  ctx: AppContext,
  user: SignedInUser | null,
  row: RequestRow | null,
): Promise<{ row: RequestRow; viewer: Viewer }> {
  if (!user) {
    throw new AppError('unauthenticated');
  }

  const hidden = new AppError('not_found', {
    detail: { ru: 'Заявка не найдена', en: 'No such request' },
  });

  if (!row) {
    throw hidden;
  }

  const scope = { organisationId: row.organisationId };

  if (await allowed(authorize(ctx, user, 'service_request.dispatch', scope))) {
    return { row, viewer: 'dispatch' };
  }

  if (
    row.executorUserId === user.id &&
    (await allowed(authorize(ctx, user, 'service_request.execute', scope)))
  ) {
    return { row, viewer: 'executor' };
  }

  if (row.requesterUserId === user.id) {
    return { row, viewer: 'requester' };
  }

  if (await isFollower(ctx.db, row.id, user.id)) {
    return { row, viewer: 'follower' };
  }

  throw hidden;
}

export async function loadForViewer(ctx: AppContext, acting: Acting, id: string) {
  return viewerOf(ctx, acting.user, await findRequest(ctx.db, id));
}

/** The request presented for its viewer, with deadlines, photos and remaining time as of now. */
export async function presentFor(
  ctx: AppContext,
  db: Queryable,
  row: RequestRow,
  viewer: Viewer,
  now = new Date(),
) {
  return presentRequest(row, {
    viewer,
    deadlines: await deadlinesOf(db, [row.id]),
    photos: await photosOf(db, [row.id]),
    now,
    mayReopen: mayReopen(
      row.completedAt ? new Date(row.completedAt) : null,
      now,
      ctx.config.serviceRequests.reopenDays,
    ),
  });
}
