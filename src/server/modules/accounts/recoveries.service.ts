import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findUserByLogin } from '../identity/identity.repo.js';
import { hashPassword } from '../identity/password.js';
import { parseLogin } from '../identity/sessions.service.js';
import { assertAcceptablePassword } from './accounts.data.js';
import { recoveryMessage } from './accounts.messages.js';
import { presentCodeSent } from './accounts.presenter.js';
import { accountsClock } from './clock.js';
import { clearThrottles } from './lockout.repo.js';
import { accountLoginKeys, loginKey } from './lockout.service.js';
import { checkCode, issueCode, throwOtpVerdict } from './otp.service.js';
import {
  endAllSessions,
  findRecovery,
  findUserContacts,
  insertRecovery,
  markRecovery,
  updatePasswordHash,
  type RecoveryRow,
} from './recoveries.repo.js';
import type { RequestMeta } from './registrations.service.js';

const RECOVERY_TTL_MS = 60 * 60 * 1000;

async function sendRecoveryCode(ctx: AppContext, recovery: RecoveryRow, meta: RequestMeta) {
  return ctx.db.transaction(async (tx) => {
    const issued = await issueCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'recovery',
      subjectId: recovery.id,
      kind: recovery.contactKind,
      contact: recovery.contact,
      ip: meta.ip,
      now: accountsClock.now(),
      // An unknown login gets no message; its code exists only as an unguessable hash.
      compose: (code, minutes) =>
        recovery.userId
          ? recoveryMessage(ctx, recovery.contactKind, recovery.contact, code, minutes)
          : null,
    });

    await recordAudit(tx, {
      actorUserId: null,
      requestId: meta.requestId,
      action: 'otp.code_sent',
      objectType: 'recovery',
      objectId: recovery.id,
      after: { kind: recovery.contactKind, contact: recovery.contact },
    });

    return presentCodeSent(recovery.contactKind, recovery.contact, issued);
  });
}

/**
 * Starts a recovery: a code goes to the login itself (a phone or e-mail address an account signs
 * in with is a confirmed contact). The answer is the same whether or not an account has it.
 */
export async function startRecovery(ctx: AppContext, login: string, meta: RequestMeta) {
  const parsed = parseLogin(login);

  if (!parsed) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.login', rule: 'format', message: 'must be a phone or an e-mail address' },
      ],
    });
  }

  const user = await findUserByLogin(ctx.db, parsed);
  const [contactKind, contact] =
    'email' in parsed ? (['email', parsed.email] as const) : (['phone', parsed.phone] as const);
  const now = accountsClock.now();
  const recovery = await insertRecovery(ctx.db, {
    loginKey: loginKey(login),
    userId: user?.id ?? null,
    contactKind,
    contact,
    ip: meta.ip,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RECOVERY_TTL_MS),
  });

  try {
    return { recoveryId: recovery.id, ...(await sendRecoveryCode(ctx, recovery, meta)) };
  } catch (error) {
    // A recovery that could not send its first code (a daily cap) is of no use to anyone.
    await ctx.db.query('DELETE FROM recoveries WHERE id = $1', [recovery.id]);
    throw error;
  }
}

async function openRecovery(ctx: AppContext, id: string): Promise<RecoveryRow> {
  const row = await findRecovery(ctx.db, id);

  if (!row || row.completedAt || row.expiresAt <= accountsClock.now()) {
    throw new AppError('recovery_not_found');
  }

  return row;
}

export async function resendRecoveryCode(ctx: AppContext, id: string, meta: RequestMeta) {
  const recovery = await openRecovery(ctx, id);

  return { recoveryId: recovery.id, ...(await sendRecoveryCode(ctx, recovery, meta)) };
}

export async function confirmRecovery(
  ctx: AppContext,
  id: string,
  code: string,
  meta: RequestMeta,
) {
  const recovery = await openRecovery(ctx, id);
  const now = accountsClock.now();
  const verdict = await ctx.db.transaction(async (tx) => {
    const result = await checkCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'recovery',
      subjectId: recovery.id,
      kind: recovery.contactKind,
      code,
      now,
    });

    if (result.ok) {
      await markRecovery(tx, recovery.id, 'confirmed_at', now);
      await recordAudit(tx, {
        actorUserId: recovery.userId,
        requestId: meta.requestId,
        action: 'recovery.confirmed',
        objectType: 'recovery',
        objectId: recovery.id,
      });
    }

    return result;
  });

  throwOtpVerdict(verdict);

  return { recoveryId: recovery.id, nextStep: 'password' as const };
}

/**
 * Sets the new password: the lock on the account's logins is lifted and every session it had is
 * ended (whoever knew the old password is signed out). Returns the login to open a session with.
 */
export async function completeRecovery(
  ctx: AppContext,
  id: string,
  password: string,
  meta: RequestMeta,
): Promise<{ login: string }> {
  const pending = await openRecovery(ctx, id);

  if (!pending.confirmedAt || !pending.userId) {
    throw new AppError('registration_incomplete', {
      detail: {
        ru: 'Сначала введите код из сообщения',
        en: 'Enter the code from the message first',
      },
      extra: { missing: ['confirm_code'] },
    });
  }

  assertAcceptablePassword(password);

  const passwordHash = await hashPassword(password);
  const now = accountsClock.now();

  await ctx.db.transaction(async (tx) => {
    const recovery = await findRecovery(tx, id, { lock: true });
    const user = recovery?.userId ? await findUserContacts(tx, recovery.userId) : undefined;

    if (!recovery || recovery.completedAt || !recovery.userId || !user) {
      throw new AppError('recovery_not_found');
    }

    await updatePasswordHash(tx, recovery.userId, passwordHash);

    const ended = await endAllSessions(tx, recovery.userId, now);

    await clearThrottles(tx, [...accountLoginKeys(user), recovery.loginKey]);
    await markRecovery(tx, recovery.id, 'completed_at', now);
    await recordAudit(tx, {
      actorUserId: recovery.userId,
      requestId: meta.requestId,
      action: 'user.password_recovered',
      objectType: 'user',
      objectId: recovery.userId,
      after: { recoveryId: recovery.id, sessionsEnded: ended, unlocked: true },
    });
  });

  return { login: pending.contact };
}
