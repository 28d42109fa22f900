import {
  mayReopen,
  transition,
  type Actor,
  type Status,
} from '../../../domain/service-requests/status-machine.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { notifyUsers, requestAudience, STATUS_WORDS } from './notices.js';
import { presentFor, viewerOf, type Acting } from './request-access.js';
import type { Viewer } from './service-requests.presenter.js';
import { findRequest, lockRequest, recordEvent, type RequestRow } from './service-requests.repo.js';
import type { StatusChangeInput } from './service-requests.schema.js';

const ACTOR: Record<Viewer, Actor | null> = {
  dispatch: 'dispatch',
  executor: 'executor',
  requester: 'requester',
  follower: null,
};

/** Runs a change under the request's row lock and answers the request as the caller sees it. */
async function underLock(
  ctx: AppContext,
  acting: Acting,
  id: string,
  change: (tx: Queryable, row: RequestRow, viewer: Viewer) => Promise<void>,
) {
  // Who the caller is to the request is read first: on the embedded database a query outside
  // the open transaction would wait for it forever.
  const { viewer } = await viewerOf(ctx, acting.user, await findRequest(ctx.db, id));

  await ctx.db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);

    await change(tx, row!, viewer);
  });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  return presentFor(ctx, ctx.db, (await findRequest(ctx.db, id))!, viewer);
}

/**
 * A status change by whoever the caller is to the request. Out-of-order changes, changes that
 * belong to someone else and reasonless rejections are refused with the reason; the first
 * answer of the organisation meets the response deadline, completion meets the rest.
 */
export async function changeStatus(
  ctx: AppContext,
  acting: Acting,
  id: string,
  input: StatusChangeInput,
  now = new Date(),
) {
  return underLock(ctx, acting, id, async (tx, row, viewer) => {
    const actor = ACTOR[viewer];
    const from = row.status as Status;
    const verdict = actor
      ? transition(from, input.action, actor, input.reason)
      : ({ ok: false, reason: 'not_yours' } as const);

    if (!verdict.ok) {
      throw verdict.reason === 'reason_required'
        ? new AppError('service_request_reason_required', {
            errors: [{ field: 'reason', rule: 'required', message: 'give a reason' }],
          })
        : new AppError('service_request_status_out_of_order', {
            detail: {
              ru: `Из статуса «${STATUS_WORDS[from]}» это действие невозможно`,
              en: `This action is not possible from status "${from}"`,
            },
            extra: { currentStatus: from, action: input.action },
          });
    }

    if (
      input.action === 'reopen' &&
      !mayReopen(
        row.completedAt && new Date(row.completedAt),
        now,
        ctx.config.serviceRequests.reopenDays,
      )
    ) {
      throw new AppError('service_request_reopen_expired');
    }

    await tx.query(
      `UPDATE service_requests SET status = $2, updated_at = $3,
         first_response_at = CASE WHEN $4::boolean THEN COALESCE(first_response_at, $3)
                                  ELSE first_response_at END,
         completed_at = CASE WHEN $2 = 'done' THEN $3 WHEN $2 = 'reopened' THEN NULL
                             ELSE completed_at END,
         rejection_reason = CASE WHEN $2 = 'rejected' THEN $5 ELSE rejection_reason END,
         reopen_count = reopen_count + CASE WHEN $2 = 'reopened' THEN 1 ELSE 0 END,
         rating = CASE WHEN $2 = 'reopened' THEN NULL ELSE rating END
       WHERE id = $1`,
      [id, verdict.to, now, actor !== 'requester', input.reason ?? null],
    );
    await meetDeadlines(tx, id, verdict.to, actor!, now);
    await recordEvent(tx, {
      requestId: id,
      actorUserId: acting.user!.id,
      action: input.action,
      fromStatus: from,
      toStatus: verdict.to,
      note: input.reason ?? null,
    });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: `service_request.${input.action}`,
      objectType: 'service_request',
      objectId: id,
      requestId: acting.requestId,
      before: { status: from },
      after: { status: verdict.to },
    });

    const audience = actor === 'requester' ? [] : await requestAudience(tx, id);
    const reason = input.reason ? `\nПричина: ${input.reason}` : '';

    await notifyUsers(tx, audience, {
      subject: `Заявка ${row.number}: ${STATUS_WORDS[verdict.to]}`,
      body: `Статус заявки «${row.description.slice(0, 80)}» — ${STATUS_WORDS[verdict.to]}.${reason}`,
      metadata: { kind: 'service_request', requestId: id, status: verdict.to },
    });

    if (verdict.to === 'reopened' && row.executorUserId) {
      await notifyUsers(tx, [row.executorUserId], {
        subject: `Заявка ${row.number} возвращена в работу`,
        body: `Житель вернул заявку: ${input.reason ?? ''}`,
        metadata: { kind: 'service_request', requestId: id, status: verdict.to },
      });
    }
  });
}

async function meetDeadlines(tx: Queryable, id: string, to: Status, actor: Actor, now: Date) {
  if (actor !== 'requester') {
    await tx.query(
      `UPDATE service_request_deadlines SET met_at = $2
       WHERE request_id = $1 AND kind = 'response' AND met_at IS NULL`,
      [id, now],
    );
  }

  if (to === 'done' || to === 'rejected') {
    await tx.query(
      'UPDATE service_request_deadlines SET met_at = $2 WHERE request_id = $1 AND met_at IS NULL',
      [id, now],
    );
  }

  if (to === 'in_progress') {
    await tx.query(
      `UPDATE service_request_deadlines SET met_at = $2
       WHERE request_id = $1 AND kind = 'localisation' AND met_at IS NULL`,
      [id, now],
    );
  }

  if (to === 'reopened') {
    // The organisation owes the repair again; its resolution term runs anew from the reopening.
    await tx.query(
      `UPDATE service_request_deadlines
       SET met_at = NULL, due_at = $2::timestamptz + (due_at - (SELECT created_at FROM service_requests
                                                  WHERE id = $1)),
           reminded_at = NULL, escalated_at = NULL
       WHERE request_id = $1 AND kind = 'resolution'`,
      [id, now],
    );
  }
}

/** Assigns the request to an executor of its organisation (or a dispatcher doing it). */
export async function assignExecutor(
  ctx: AppContext,
  acting: Acting,
  id: string,
  executorUserId: string,
  now = new Date(),
) {
  return underLock(ctx, acting, id, async (tx, row, viewer) => {
    if (viewer !== 'dispatch') {
      throw new AppError('forbidden');
    }

    if (row.status === 'done' || row.status === 'rejected') {
      throw new AppError('service_request_status_out_of_order', {
        extra: { currentStatus: row.status, action: 'assign' },
      });
    }

    const [staff] = await tx.query(
      `SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2
       AND role IN ('executor', 'dispatcher', 'organisation_admin')`,
      [executorUserId, row.organisationId],
    );

    if (!staff) {
      throw new AppError('service_request_executor_invalid', {
        errors: [{ field: 'executorUserId', rule: 'staff', message: 'not an executor here' }],
      });
    }

    const to = row.status === 'new' || row.status === 'reopened' ? 'accepted' : row.status;

    await tx.query(
      `UPDATE service_requests SET executor_user_id = $2, status = $3, updated_at = $4,
         first_response_at = COALESCE(first_response_at, $4) WHERE id = $1`,
      [id, executorUserId, to, now],
    );
    await meetDeadlines(tx, id, to as Status, 'dispatch', now);
    await recordEvent(tx, {
      requestId: id,
      actorUserId: acting.user!.id,
      action: 'assign',
      fromStatus: row.status,
      toStatus: to,
    });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_request.assign',
      objectType: 'service_request',
      objectId: id,
      requestId: acting.requestId,
      before: { executorUserId: row.executorUserId },
      after: { executorUserId },
    });
    await notifyUsers(tx, [executorUserId], {
      subject: `Вам назначена заявка ${row.number}`,
      body: `${row.houseAddress}${row.premiseNumber ? `, кв. ${row.premiseNumber}` : ''}: ${row.description}`,
      metadata: { kind: 'service_request', requestId: id },
    });
    await notifyUsers(tx, await requestAudience(tx, id), {
      subject: `Заявка ${row.number}: назначен исполнитель`,
      body: 'По вашей заявке назначен исполнитель.',
      metadata: { kind: 'service_request', requestId: id },
    });
  });
}

/** A comment: residents write public ones; the organisation also internal ones. */
export async function addComment(
  ctx: AppContext,
  acting: Acting,
  id: string,
  input: { body: string; visibility: 'public' | 'internal' },
) {
  return underLock(ctx, acting, id, async (tx, row, viewer) => {
    const organisationSide = viewer === 'dispatch' || viewer === 'executor';

    if (input.visibility === 'internal' && !organisationSide) {
      throw new AppError('forbidden', {
        detail: {
          ru: 'Внутренние комментарии пишет только организация',
          en: 'Only the organisation writes internal comments',
        },
      });
    }

    await tx.query(
      `INSERT INTO service_request_comments (request_id, author_user_id, visibility, body)
       VALUES ($1, $2, $3, $4)`,
      [id, acting.user!.id, input.visibility, input.body],
    );

    if (input.visibility === 'public') {
      const audience = organisationSide
        ? await requestAudience(tx, id)
        : [row.executorUserId].filter((u): u is string => Boolean(u));

      await notifyUsers(
        tx,
        audience.filter((u) => u !== acting.user!.id),
        {
          subject: `Новый комментарий к заявке ${row.number}`,
          body: input.body,
          metadata: { kind: 'service_request', requestId: id },
        },
      );
    }
  });
}

/** The requester's rating and feedback of a completed request, once. */
export async function rateRequest(
  ctx: AppContext,
  acting: Acting,
  id: string,
  input: { rating: number; feedback?: string | null | undefined },
) {
  return underLock(ctx, acting, id, async (tx, row, viewer) => {
    if (viewer !== 'requester') {
      throw new AppError('forbidden');
    }

    if (row.status !== 'done' || row.rating !== null) {
      throw new AppError('service_request_not_ratable');
    }

    await tx.query(
      `UPDATE service_requests SET rating = $2, feedback = $3, rated_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, input.rating, input.feedback ?? null],
    );
    await recordEvent(tx, {
      requestId: id,
      actorUserId: acting.user!.id,
      action: 'rate',
      note: `${input.rating}/5${input.feedback ? `: ${input.feedback}` : ''}`,
    });
  });
}

/** «Join this one»: follow someone else's open request of the house instead of filing anew. */
export async function joinRequest(ctx: AppContext, acting: Acting, id: string) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const row = await findRequest(ctx.db, id);
  const hidden = new AppError('not_found', {
    detail: { ru: 'Заявка не найдена', en: 'No such request' },
  });

  if (!row) {
    throw hidden;
  }

  // Only people of the house see its requests to join; anybody else learns nothing.
  const [ofHouse] = await ctx.db.query(
    `SELECT 1 FROM premises p WHERE p.house_id = $2 AND (
       EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = p.id AND o.person_id = $1
               AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE))
       OR EXISTS (SELECT 1 FROM residents s WHERE s.premise_id = p.id AND s.person_id = $1
               AND (s.deregistered_on IS NULL OR s.deregistered_on >= CURRENT_DATE))) LIMIT 1`,
    [acting.user.personId, row.houseId],
  );

  if (!ofHouse) {
    throw hidden;
  }

  const open = ['new', 'accepted', 'in_progress', 'waiting_resident', 'reopened'];

  if (row.requesterUserId === acting.user.id || !open.includes(row.status)) {
    throw new AppError('service_request_join_refused');
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO service_request_followers (request_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [id, acting.user!.id],
    );
    await recordEvent(tx, { requestId: id, actorUserId: acting.user!.id, action: 'join' });
  });

  return presentFor(ctx, ctx.db, (await findRequest(ctx.db, id))!, 'follower');
}
