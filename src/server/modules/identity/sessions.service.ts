import { createHash, randomBytes } from 'node:crypto';

import { normalizeEmail, normalizeRussianPhone } from '../../../domain/contacts/phone.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/in-transaction.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import {
  findRoles,
  findUserByLogin,
  findUserBySessionToken,
  insertSession,
  type UserRow,
} from './identity.repo.js';
import {
  assertLoginNotLocked,
  clearSignInFailures,
  recordSignInFailure,
} from '../accounts/lockout.service.js';
import { requireSecondFactor } from '../security/second-factor.service.js';
import { verifyPassword } from './password.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SessionUser = SignedInUser & {
  roles: { role: string; organisationId: string | null; organisationName: string | null }[];
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function displayName(row: Pick<UserRow, 'surname' | 'name' | 'patronymic'>): string {
  return [row.surname, row.name, row.patronymic].filter(Boolean).join(' ');
}

async function toSessionUser(db: Queryable, row: UserRow): Promise<SessionUser> {
  const memberships = await findRoles(db, row.id);
  const platformRoles =
    row.platformRole === 'citizen'
      ? []
      : [{ role: row.platformRole, organisationId: null, organisationName: null }];

  return {
    id: row.id,
    personId: row.personId,
    displayName: displayName(row),
    platformRole: row.platformRole,
    roles: [...platformRoles, ...memberships],
  };
}

/** Reads a login as an e-mail address or a Russian phone number. */
export function parseLogin(login: string): { email: string } | { phone: string } | null {
  const email = normalizeEmail(login);

  if (email) {
    return { email };
  }

  const phone = normalizeRussianPhone(login);

  return phone ? { phone } : null;
}

/**
 * Signs a person in by login and password. Unknown logins and wrong passwords fail the same way,
 * in the same time, so the answer never tells whether an account exists.
 */
export async function signIn(
  db: Queryable,
  input: {
    login: string;
    password: string;
    userAgent: string | null;
    ip: string | null;
    requestId?: string | null;
  },
): Promise<{ token: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
  // A locked login is refused before the password is looked at, existing or not (lockout.ts).
  await assertLoginNotLocked(db, input.login);

  const login = parseLogin(input.login);
  const row = login ? await findUserByLogin(db, login) : undefined;
  const valid = await verifyPassword(row?.passwordHash, input.password);

  if (!row || !valid) {
    await recordSignInFailure(db, input.login);

    throw new AppError('invalid_credentials');
  }

  await clearSignInFailures(db, input.login);

  // With TOTP on, the right password only earns a challenge for the code, not a session.
  await requireSecondFactor(db, row.id, input);

  return openSession(db, row, input);
}

/** Opens a session for a person who has proved who they are (password, second factor, passkey). */
export async function openSession(
  db: Queryable,
  row: UserRow,
  input: { userAgent: string | null; ip: string | null; requestId?: string | null },
): Promise<{ token: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const session = {
    userId: row.id,
    tokenHash: hashToken(token),
    csrfToken,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ip: input.ip,
    expiresAt,
  };

  // The session and its journal entry commit together.
  await inTransaction(db, async (tx) => {
    const sessionId = await insertSession(tx, session);

    await recordAudit(tx, {
      actorUserId: row.id,
      requestId: input.requestId ?? null,
      action: 'session.started',
      objectType: 'session',
      objectId: sessionId,
      after: { userId: row.id, userAgent: session.userAgent, ip: session.ip, expiresAt },
    });
  });

  return { token, csrfToken, user: await toSessionUser(db, row), expiresAt };
}

/** Resolves a session cookie to its user, or null when it is unknown, ended or expired. */
export async function resolveSession(
  db: Queryable,
  token: string,
): Promise<{ user: SessionUser; sessionId: string; csrfToken: string } | null> {
  const row = await findUserBySessionToken(db, hashToken(token));

  if (!row) {
    return null;
  }

  return { user: await toSessionUser(db, row), sessionId: row.sessionId, csrfToken: row.csrfToken };
}
