import type { FastifyReply } from 'fastify';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findUserById } from '../identity/identity.repo.js';
import { openSession } from '../identity/sessions.service.js';
import { sendNewSession } from '../identity/session-cookie.js';

/**
 * Opens a session for a user who finished signing in by a second factor or a passkey, sets the
 * cookie exactly as password sign-in does, and answers 201 with the same body.
 */
export async function replyWithNewSession(
  ctx: AppContext,
  reply: FastifyReply,
  userId: string,
  meta: { userAgent: string | null; ip: string | null; requestId: string },
) {
  const row = await findUserById(ctx.db, userId);

  if (!row) {
    throw new AppError('unauthenticated');
  }

  const session = await openSession(ctx.db, row, meta);

  return sendNewSession(reply, session, ctx.config.env === 'production');
}
