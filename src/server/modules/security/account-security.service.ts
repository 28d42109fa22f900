import { checkPassword } from '../../../domain/identity/password-policy.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { commonPasswordLists } from '../accounts/accounts.data.js';
import { hashPassword, verifyPassword } from '../identity/password.js';
import { deviceLabel } from './device-label.js';
import {
  endOtherSessions,
  endOwnSession,
  findActiveSessions,
  findPasswordHash,
  updatePasswordHash,
} from './devices.repo.js';
import type { ActorMeta } from './security.audit.js';

/** The signed-in person's sessions, the one making the request flagged as current. */
export async function listSessions(
  ctx: AppContext,
  user: { id: string; sessionId: string | null },
  query: PageQuery,
) {
  const { rows, total } = await findActiveSessions(ctx.db, user.id, {
    limit: query.limit,
    offset: offsetOf(query),
  });

  return {
    items: rows.map((row) => ({
      id: row.id,
      userAgent: row.userAgent,
      device: deviceLabel(row.userAgent),
      ip: row.ip,
      createdAt: new Date(row.createdAt).toISOString(),
      lastSeenAt: new Date(row.lastSeenAt).toISOString(),
      current: row.id === user.sessionId,
    })),
    total,
    page: query.page,
    limit: query.limit,
  };
}

/** Ends one of the person's sessions. Someone else's session is reported as not found. */
export async function endSessionOf(ctx: AppContext, meta: ActorMeta, sessionId: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await endOwnSession(tx, meta.actorUserId, sessionId))) {
      throw new AppError('not_found');
    }

    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'session.ended',
      objectType: 'session',
      objectId: sessionId,
    });
  });
}

/** The platform's password rules (src/domain/identity) with the accounts module's lists. */
function refuseWeakPassword(password: string) {
  const verdict = checkPassword(password, commonPasswordLists());

  if (!verdict.ok) {
    throw new AppError(verdict.code, {
      errors: [{ field: 'body.newPassword', rule: verdict.code, message: verdict.code }],
    });
  }
}

/**
 * Changes the password after checking the current one, and ends every other session: whoever
 * knew the old password is signed out everywhere except on the device making the change.
 */
export async function changePassword(
  ctx: AppContext,
  meta: ActorMeta & { sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
) {
  const currentHash = await findPasswordHash(ctx.db, meta.actorUserId);

  if (!(await verifyPassword(currentHash, input.currentPassword))) {
    throw new AppError('current_password_invalid');
  }

  refuseWeakPassword(input.newPassword);

  const newHash = await hashPassword(input.newPassword);

  return ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, meta.actorUserId, newHash);
    const endedSessions = await endOtherSessions(tx, meta.actorUserId, meta.sessionId);
    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'user.password_changed',
      objectType: 'user',
      objectId: meta.actorUserId,
      after: { endedSessions },
    });

    return { endedSessions };
  });
}
