import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { parseLogin } from '../identity/sessions.service.js';
import { findProfile, findUserIdByLogin, lockAssurance, markVerified } from './assurance.repo.js';
import { ensureSnilsUnclaimed } from './assurance.service.js';
import { authorize } from './authorize.js';
import {
  findActiveCode,
  insertCode,
  markCodeAttempt,
  markCodeUsed,
  voidCodes,
} from './in-person-codes.repo.js';
import type { Acting } from './verification.service.js';

/** Long enough for the person to get home and enter it; short enough not to linger. */
const CODE_TTL_HOURS = 72;
/** With 8 digits and 5 attempts per code, a guess succeeds with probability 5·10⁻⁸. */
const CODE_ATTEMPTS = 5;

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/**
 * An operator who checked a person's passport at the desk issues a one-time code for them; the
 * person enters it in their profile. A new code voids the previous ones.
 */
export async function issueInPersonCode(ctx: AppContext, acting: Acting, login: string) {
  await authorize(ctx, acting.user, 'verification.issue_in_person_code');

  const operator = acting.user!;
  const parsed = parseLogin(login);
  const userId = parsed ? await findUserIdByLogin(ctx.db, parsed) : undefined;
  const profile = userId ? await findProfile(ctx.db, userId) : undefined;

  if (!userId || !profile) {
    throw new AppError('not_found', {
      detail: { ru: 'Пользователь не найден', en: 'No such user' },
    });
  }

  if (userId === operator.id) {
    throw new AppError('forbidden', {
      detail: { ru: 'Нельзя выдать код самому себе', en: 'You cannot issue a code to yourself' },
    });
  }

  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(Date.now() + CODE_TTL_HOURS * 3600 * 1000);

  await ctx.db.transaction(async (tx) => {
    await voidCodes(tx, userId);

    const id = await insertCode(tx, {
      userId,
      codeHash: hashCode(code),
      issuedBy: operator.id,
      expiresAt,
    });

    await recordAudit(tx, {
      actorUserId: operator.id,
      action: 'in_person_code.issued',
      objectType: 'user',
      objectId: userId,
      requestId: acting.requestId,
      after: { codeId: id, expiresAt: expiresAt.toISOString() },
      personalDataAccess: true,
    });
  });

  return {
    userId,
    displayName: [profile.surname, profile.name, profile.patronymic].filter(Boolean).join(' '),
    code,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The person enters the code from the desk; a right code makes them verified. */
export async function redeemInPersonCode(ctx: AppContext, acting: Acting, code: string) {
  await authorize(ctx, acting.user, 'verification.redeem_in_person_code');

  const me = acting.user!;
  const outcome = await ctx.db.transaction(async (tx) => {
    const active = await findActiveCode(tx, me.id);

    if (!active) {
      return 'invalid' as const;
    }

    const given = Buffer.from(hashCode(code.replace(/\s/g, '')));
    const expected = Buffer.from(active.codeHash);

    if (!timingSafeEqual(given, expected)) {
      await markCodeAttempt(tx, active.id, active.attempts + 1 >= CODE_ATTEMPTS);

      return 'invalid' as const;
    }

    await ensureSnilsUnclaimed(tx, me.id);
    await markCodeUsed(tx, active.id);
    await lockAssurance(tx, me.id);
    await markVerified(tx, me.id, 'in_person_code');
    await tx.query(
      `UPDATE verification_requests SET status = 'expired', reason = 'verified in person'
       WHERE user_id = $1 AND status = 'pending'`,
      [me.id],
    );
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'identity.verified',
      objectType: 'identity_assurance',
      objectId: me.id,
      requestId: acting.requestId,
      after: { level: 'verified', method: 'in_person_code' },
    });

    return 'verified' as const;
  });

  // The failed attempt is committed above before the error, so attempts cannot be replayed.
  if (outcome === 'invalid') {
    throw new AppError('in_person_code_invalid');
  }
}
