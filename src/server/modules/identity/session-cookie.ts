import type { FastifyReply } from 'fastify';

import { SESSION_COOKIE } from './session-guard.js';
import { SESSION_TTL_MS, type SessionUser } from './sessions.service.js';

/**
 * Answers a finished sign-in, whatever its path (password, second factor, passkey, registration):
 * sets the session cookie — httpOnly, SameSite=Lax, Secure in production, signed — and sends 201
 * with the person and the CSRF token the web client must echo on writes.
 */
export function sendNewSession(
  reply: FastifyReply,
  session: { token: string; csrfToken: string; user: SessionUser; expiresAt: Date },
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: SESSION_TTL_MS / 1000,
  });

  return reply.status(201).send({
    user: session.user,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  });
}
