import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile } from '../../platform/files/files.service.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import { presentVerification } from './access.presenter.js';
import {
  decideVerification,
  expireOverdue,
  findAssurance,
  findLatestVerifications,
  findProfile,
  findVerification,
  insertVerification,
  listVerifications,
  lockAssurance,
  markVerified,
} from './assurance.repo.js';
import { ensureSnilsUnclaimed } from './assurance.service.js';
import { authorize } from './authorize.js';

/** An operator decides within this time; after it the person may try another way. */
const REVIEW_DAYS = 14;
const SCAN_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export type Acting = { user: SignedInUser | null; requestId: string };

/** A person asks an operator to compare their uploaded passport scan with their documents. */
export async function requestVerification(ctx: AppContext, acting: Acting, fileId: string) {
  await authorize(ctx, acting.user, 'verification.request');

  const me = acting.user!;
  const file = await getStoredFile(ctx, fileId).catch(() => null);

  // Someone else's file id gets the same answer as a missing one, so ids cannot be probed.
  if (!file || file.uploadedBy !== me.id) {
    throw new AppError('not_found', { detail: { ru: 'Файл не найден', en: 'No such file' } });
  }

  if (!SCAN_TYPES.has(file.mimeType)) {
    throw new AppError('unsupported_media_type');
  }

  await expireOverdue(ctx.db);

  const id = await ctx.db.transaction(async (tx) => {
    const assurance = await lockAssurance(tx, me.id);

    if (assurance.level === 'verified') {
      throw new AppError('conflict', {
        detail: { ru: 'Личность уже подтверждена', en: 'The identity is already verified' },
      });
    }

    const recent = await findLatestVerifications(tx, me.id);

    if (recent.some((r) => r.status === 'pending')) {
      throw new AppError('verification_pending');
    }

    const expiresAt = new Date(Date.now() + REVIEW_DAYS * 24 * 3600 * 1000);
    const created = await insertVerification(tx, {
      userId: me.id,
      method: 'document_scan',
      fileId,
      expiresAt,
    });

    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'verification_request.created',
      objectType: 'verification_request',
      objectId: created,
      requestId: acting.requestId,
      after: { method: 'document_scan', fileId, status: 'pending' },
    });

    return created;
  });

  return presentOne(ctx.db, id);
}

async function presentOne(db: Queryable, id: string) {
  const row = await findVerification(db, id);

  if (!row) {
    throw new AppError('not_found');
  }

  return presentVerification(row, await findAssurance(db, row.userId));
}

/** The operator's queue; every request shown is another person's data, so each is journaled. */
export async function listQueue(
  ctx: AppContext,
  acting: Acting,
  query: { status: string; page: number; limit: number },
) {
  await authorize(ctx, acting.user, 'verification.review');
  await expireOverdue(ctx.db);

  const { items, total } = await listVerifications(ctx.db, query.status, {
    limit: query.limit,
    offset: (query.page - 1) * query.limit,
  });
  const presented = [];

  for (const row of items) {
    presented.push(presentVerification(row, await findAssurance(ctx.db, row.userId)));
  }

  await journalAccess(
    ctx,
    acting,
    items.map((r) => ({ id: r.id, userId: r.userId })),
  );

  return { items: presented, total, page: query.page, limit: query.limit };
}

async function journalAccess(
  ctx: AppContext,
  acting: Acting,
  rows: { id: string; userId: string }[],
) {
  const others = rows.filter((r) => r.userId !== acting.user?.id);

  if (others.length === 0) {
    return;
  }

  await ctx.db.transaction(async (tx) => {
    for (const row of others) {
      await recordAudit(tx, {
        actorUserId: acting.user?.id ?? null,
        action: 'verification_request.viewed',
        objectType: 'verification_request',
        objectId: row.id,
        requestId: acting.requestId,
        personalDataAccess: true,
      });
    }
  });
}

export async function getRequest(ctx: AppContext, acting: Acting, id: string) {
  await authorize(ctx, acting.user, 'verification.review');

  const presented = await presentOne(ctx.db, id);

  await journalAccess(ctx, acting, [presented]);

  return presented;
}

/** The scan itself, for the operator comparing it; reading it is journaled. */
export async function openScan(ctx: AppContext, acting: Acting, id: string) {
  const request = await getRequest(ctx, acting, id);

  if (!request.fileId) {
    throw new AppError('not_found');
  }

  const file = await getStoredFile(ctx, request.fileId);

  return { file, stream: await openStoredFile(ctx, file) };
}

/** Approves (the person becomes verified) or refuses with a reason; the person is notified. */
export async function decide(
  ctx: AppContext,
  acting: Acting,
  id: string,
  decision: { approved: boolean; reason?: string | undefined },
) {
  await authorize(ctx, acting.user, 'verification.review');

  const operator = acting.user!;

  await expireOverdue(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const row = await findVerification(tx, id, true);

    if (!row) {
      throw new AppError('not_found');
    }

    // Four eyes: nobody verifies themselves, not even an operator.
    if (row.userId === operator.id) {
      throw new AppError('forbidden', {
        detail: {
          ru: 'Нельзя рассматривать собственную заявку',
          en: 'You cannot decide your own request',
        },
      });
    }

    if (row.status !== 'pending') {
      throw new AppError('conflict', {
        detail: {
          ru: `Заявка уже закрыта (${row.status})`,
          en: `The request is already closed (${row.status})`,
        },
      });
    }

    const status = decision.approved ? 'approved' : 'rejected';
    const reason = decision.reason?.trim() || null;

    await decideVerification(tx, id, { status, reason, decidedBy: operator.id });

    if (decision.approved) {
      await ensureSnilsUnclaimed(tx, row.userId);
      await lockAssurance(tx, row.userId);
      await markVerified(tx, row.userId, row.method);
    }

    await recordAudit(tx, {
      actorUserId: operator.id,
      action: decision.approved ? 'verification_request.approved' : 'verification_request.rejected',
      objectType: 'verification_request',
      objectId: id,
      requestId: acting.requestId,
      before: { status: row.status },
      after: { status, reason },
    });
    await notifyDecision(tx, row.userId, decision.approved, reason);
  });

  return presentOne(ctx.db, id);
}

async function notifyDecision(
  tx: Queryable,
  userId: string,
  approved: boolean,
  reason: string | null,
) {
  const profile = await findProfile(tx, userId);
  const subject = approved ? 'Личность подтверждена' : 'Личность не подтверждена';
  const body = approved
    ? 'Оператор проверил документы: ваша личность подтверждена. Теперь вам доступны все действия.'
    : `Оператор не смог подтвердить личность по загруженному скану. Причина: ${reason}. ` +
      'Загрузите новый скан или получите код подтверждения лично в офисе.';
  const metadata = { kind: 'verification_decision', approved };

  await enqueueMessage(tx, { channel: 'in_app', recipient: userId, subject, body, metadata });

  if (profile?.email) {
    await enqueueMessage(tx, {
      channel: 'email',
      recipient: profile.email,
      subject,
      body,
      metadata,
    });
  }
}
