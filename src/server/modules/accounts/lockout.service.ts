import {
  CLEAR_LOCKOUT,
  DEFAULT_LOCKOUT_POLICY,
  lockedUntil,
  registerFailure,
  type LockoutPolicy,
} from '../../../domain/identity/lockout.js';
import { normalizeEmail, normalizeRussianPhone } from '../../../domain/contacts/phone.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/in-transaction.js';
import { AppError } from '../../platform/errors.js';
import { accountsClock } from './clock.js';
import { clearThrottles, findThrottle, saveThrottle } from './lockout.repo.js';

export const lockoutPolicy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY;

/**
 * The key failures are counted under: the login normalised as an e-mail address or phone, or the
 * raw text folded to lower case. Every login gets one, existing or not (see lockout.ts).
 */
export function loginKey(login: string): string {
  const email = normalizeEmail(login);

  if (email) {
    return `email:${email}`;
  }

  const phone = normalizeRussianPhone(login);

  return phone ? `phone:${phone}` : `raw:${login.trim().toLowerCase().slice(0, 254)}`;
}

/** The keys an account's own logins are tracked under, for clearing after a recovery. */
export function accountLoginKeys(user: { phone: string | null; email: string | null }): string[] {
  return [
    ...(user.phone ? [`phone:${user.phone}`] : []),
    ...(user.email ? [`email:${user.email}`] : []),
  ];
}

function lockedError(until: Date): AppError {
  const moscow = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(until);

  return new AppError('account_locked', {
    detail: {
      ru: `Слишком много неверных попыток. Вход заблокирован до ${moscow} МСК. Чтобы войти раньше, восстановите доступ по коду.`,
      en: `Too many wrong attempts. Sign-in is locked until ${until.toISOString()} (${moscow} Moscow time). Recover access by a code to sign in sooner.`,
    },
    extra: { lockedUntil: until.toISOString() },
  });
}

/** Throws `account_locked` while the login is locked; checked before the password is. */
export async function assertLoginNotLocked(db: Queryable, login: string): Promise<void> {
  const state = await findThrottle(db, loginKey(login));
  const until = state ? lockedUntil(state, accountsClock.now()) : null;

  if (until) {
    throw lockedError(until);
  }
}

/**
 * Counts a wrong password for the login. Throws `account_locked` when this failure starts a lock,
 * so the person learns the time at once; otherwise returns and the caller answers as usual.
 */
export async function recordSignInFailure(db: Queryable, login: string): Promise<void> {
  const key = loginKey(login);
  const now = accountsClock.now();
  const next = await inTransaction(db, async (tx) => {
    const state = (await findThrottle(tx, key, { lock: true })) ?? CLEAR_LOCKOUT;
    const updated = registerFailure(state, now, lockoutPolicy);

    await saveThrottle(tx, key, updated, now);

    if (updated.lockLevel > state.lockLevel) {
      await recordAudit(tx, {
        actorUserId: null,
        action: 'sign_in.locked',
        objectType: 'login',
        objectId: null,
        after: { login: key, lockLevel: updated.lockLevel, lockedUntil: updated.lockedUntil },
      });
    }

    return updated;
  });
  const until = lockedUntil(next, now);

  if (until) {
    throw lockedError(until);
  }
}

/** A successful sign-in forgets the login's failures and lock history. */
export async function clearSignInFailures(db: Queryable, login: string): Promise<void> {
  await clearThrottles(db, [loginKey(login)]);
}
