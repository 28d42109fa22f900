import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import {
  closeChallenge,
  countFailedAttempt,
  countRecentFailures,
  insertChallenge,
  lockOpenChallenge,
} from './second-factor.repo.js';
import { sealerFor, spendSecondFactor } from './totp-codes.js';
import { hasConfirmedTotp, lockTotp } from './totp.repo.js';
import { codeRefusal } from './totp.service.js';

/** Wrong codes allowed per sign-in attempt; then the password has to be entered again. */
export const SECOND_FACTOR_MAX_ATTEMPTS = 5;

const CHALLENGE_TTL_MS = 5 * 60 * 1000;

// Signing in again gives a fresh challenge, so the per-challenge bound alone would let someone
// who knows the password keep guessing. Wrong codes are also capped per account over a window.
export const SECOND_FACTOR_WINDOW_MINUTES = 15;
export const SECOND_FACTOR_WINDOW_FAILURES = 10;

/**
 * Called by password sign-in once the password is right. With TOTP on, no session is opened:
 * the answer is `second_factor_required` carrying the id of a short-lived challenge.
 */
export async function requireSecondFactor(
  db: Queryable,
  userId: string,
  meta: { userAgent: string | null; ip: string | null },
): Promise<void> {
  if (!(await hasConfirmedTotp(db, userId))) {
    return;
  }

  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  const challengeId = await insertChallenge(db, {
    userId,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    ip: meta.ip,
    expiresAt,
  });

  throw new AppError('second_factor_required', {
    extra: {
      challengeId,
      expiresAt: expiresAt.toISOString(),
      methods: ['totp', 'recovery_code'],
      attemptsLeft: SECOND_FACTOR_MAX_ATTEMPTS,
    },
  });
}

type Outcome =
  | { kind: 'passed'; userId: string; usedRecoveryCode: boolean }
  | { kind: 'gone' }
  | { kind: 'throttled' }
  | { kind: 'invalid' | 'used'; attemptsLeft: number };

/**
 * Completes a sign-in with an app code or a recovery code. Each wrong code is counted and
 * committed; the last allowed miss closes the challenge for good. Returns the user to open a
 * session for.
 */
export async function passSecondFactor(
  ctx: AppContext,
  input: { challengeId: string; code?: string | undefined; recoveryCode?: string | undefined },
  requestId: string | null,
): Promise<string> {
  const sealer = sealerFor(ctx.config);

  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const challenge = await lockOpenChallenge(tx, input.challengeId);
    const totp = challenge ? await lockTotp(tx, challenge.userId) : undefined;

    if (!challenge || !totp?.confirmedAt) {
      return { kind: 'gone' };
    }

    const recent = await countRecentFailures(tx, challenge.userId, SECOND_FACTOR_WINDOW_MINUTES);

    if (recent >= SECOND_FACTOR_WINDOW_FAILURES) {
      await closeChallenge(tx, challenge.id);

      return { kind: 'throttled' };
    }

    const verdict = await spendSecondFactor(tx, sealer, totp, input);

    if (verdict === 'ok') {
      await closeChallenge(tx, challenge.id);
      await recordAudit(tx, {
        actorUserId: challenge.userId,
        requestId,
        action: input.code ? 'session.second_factor_passed' : 'session.recovery_code_used',
        objectType: 'user',
        objectId: challenge.userId,
      });

      return { kind: 'passed', userId: challenge.userId, usedRecoveryCode: !input.code };
    }

    const attemptsLeft = SECOND_FACTOR_MAX_ATTEMPTS - challenge.attempts - 1;
    await countFailedAttempt(tx, challenge.id, attemptsLeft <= 0);
    await recordAudit(tx, {
      actorUserId: null,
      requestId,
      action: 'session.second_factor_failed',
      objectType: 'user',
      objectId: challenge.userId,
      after: { attemptsLeft, reason: verdict },
    });

    return { kind: verdict, attemptsLeft };
  });

  if (outcome.kind === 'gone') {
    throw new AppError('second_factor_challenge_invalid');
  }

  if (outcome.kind === 'throttled') {
    throw new AppError('rate_limited', {
      detail: {
        ru: `Слишком много неверных кодов, повторите вход через ${SECOND_FACTOR_WINDOW_MINUTES} мин`,
        en: `Too many wrong codes; sign in again in ${SECOND_FACTOR_WINDOW_MINUTES} minutes`,
      },
      extra: { retryAfterSeconds: SECOND_FACTOR_WINDOW_MINUTES * 60 },
    });
  }

  if (outcome.kind !== 'passed') {
    throw codeRefusal(outcome.kind, { attemptsLeft: outcome.attemptsLeft });
  }

  return outcome.userId;
}
