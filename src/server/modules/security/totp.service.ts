import QRCode from 'qrcode';

import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.js';
import type { ActorMeta } from './security.audit.js';
import {
  newTotpSecret,
  otpauthUrl,
  sealerFor,
  spendSecondFactor,
  spendTotpCode,
  type CodeVerdict,
} from './totp-codes.js';
import {
  countUnusedRecoveryCodes,
  deleteTotp,
  findLoginOf,
  findTotp,
  lockTotp,
  markTotpConfirmed,
  replaceRecoveryCodes,
  upsertPendingTotp,
} from './totp.repo.js';

export function codeRefusal(verdict: Exclude<CodeVerdict, 'ok'>, extra?: Record<string, unknown>) {
  return verdict === 'used'
    ? new AppError('totp_code_used', { extra })
    : new AppError('totp_invalid', { extra });
}

/** Whether the app is on, for the security settings page; the secret itself is never shown again. */
export async function totpStatus(ctx: AppContext, userId: string) {
  const row = await findTotp(ctx.db, userId);

  return {
    enabled: Boolean(row?.confirmedAt),
    enrolmentPending: Boolean(row && !row.confirmedAt),
    enabledAt: row?.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
    recoveryCodesLeft: row?.confirmedAt ? await countUnusedRecoveryCodes(ctx.db, userId) : 0,
  };
}

/**
 * Starts enrolling an authenticator app: a new secret, sealed at rest, shown once as text, as an
 * otpauth:// link and as a QR code. Sign-in does not ask for codes until the person confirms.
 */
export async function startTotpEnrolment(ctx: AppContext, meta: ActorMeta) {
  const secret = newTotpSecret();
  const sealer = sealerFor(ctx.config);

  const login = await ctx.db.transaction(async (tx) => {
    const existing = await lockTotp(tx, meta.actorUserId);

    if (existing?.confirmedAt) {
      throw new AppError('totp_already_enabled');
    }

    await upsertPendingTotp(tx, meta.actorUserId, sealer.seal(secret));
    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'totp.enrolment_started',
      objectType: 'user',
      objectId: meta.actorUserId,
    });

    return findLoginOf(tx, meta.actorUserId);
  });

  const url = otpauthUrl(secret, login ?? meta.actorUserId);

  return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1 }) };
}

/** Confirms the enrolment with a code from the app and hands out the recovery codes, once. */
export async function confirmTotp(ctx: AppContext, meta: ActorMeta, code: string) {
  const sealer = sealerFor(ctx.config);
  const recoveryCodes = generateRecoveryCodes();

  await ctx.db.transaction(async (tx) => {
    const row = await lockTotp(tx, meta.actorUserId);

    if (!row) {
      throw new AppError('totp_not_enabled', {
        detail: {
          ru: 'Сначала начните подключение приложения-аутентификатора',
          en: 'Start enrolling an authenticator app first',
        },
      });
    }

    if (row.confirmedAt) {
      throw new AppError('totp_already_enabled');
    }

    const verdict = await spendTotpCode(tx, sealer, row, code);

    if (verdict !== 'ok') {
      throw codeRefusal(verdict);
    }

    await markTotpConfirmed(tx, meta.actorUserId);
    await replaceRecoveryCodes(tx, meta.actorUserId, recoveryCodes.map(hashRecoveryCode));
    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'totp.enabled',
      objectType: 'user',
      objectId: meta.actorUserId,
      after: { totp: true, recoveryCodes: recoveryCodes.length },
    });
  });

  return { recoveryCodes };
}

/**
 * Turns TOTP off. It takes a current app code or a recovery code (for a lost phone), so a
 * stolen session alone cannot remove the second factor.
 */
export async function disableTotp(ctx: AppContext, meta: ActorMeta, code: string) {
  const sealer = sealerFor(ctx.config);
  const input = /^\d{6}$/.test(code) ? { code } : { recoveryCode: code };

  const verdict = await ctx.db.transaction(async (tx) => {
    const row = await lockTotp(tx, meta.actorUserId);

    if (!row?.confirmedAt) {
      throw new AppError('totp_not_enabled');
    }

    const result = await spendSecondFactor(tx, sealer, row, input);

    if (result !== 'ok') {
      return result;
    }

    await deleteTotp(tx, meta.actorUserId);
    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'totp.disabled',
      objectType: 'user',
      objectId: meta.actorUserId,
      before: { totp: true },
      after: { totp: false },
    });

    return result;
  });

  if (verdict !== 'ok') {
    throw codeRefusal(verdict);
  }
}
