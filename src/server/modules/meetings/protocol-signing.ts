import { createHash } from 'node:crypto';

import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { checkCode, issueCode, throwOtpVerdict } from '../accounts/otp.service.js';
import { meetingFor } from './meetings.access.js';
import { meetingsClock } from './meetings.clock.js';
import { findMeeting } from './meetings.repo.js';
import { completeIfSigned } from './protocol.service.js';
import { findProtocol, findSigners, markSigned } from './protocol.repo.js';

type Acting = { user: SignedInUser | null; requestId: string; ip: string };

/** One code challenge per signer and meeting: a stable id derived from both. */
function challengeSubject(meetingId: string, userId: string): string {
  const hex = createHash('sha256').update(`${meetingId}:${userId}`).digest('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function pendingSigner(ctx: AppContext, acting: Acting, meetingId: string) {
  const { meeting, user } = await meetingFor(ctx, acting.user, meetingId);
  const protocol = await findProtocol(ctx.db, meetingId);

  if (!protocol) {
    throw new AppError('protocol_missing');
  }

  const mine = (await findSigners(ctx.db, meetingId)).filter((s) => s.userId === user.id);

  if (mine.length === 0) {
    throw new AppError('signer_not_designated');
  }

  if (mine.every((s) => s.signedAt)) {
    throw new AppError('already_signed');
  }

  return { meeting, user, protocol, signer: mine[0]! };
}

/**
 * Sends the signer a one-time code by e-mail, bound to the protocol's SHA-256: the same code
 * machinery as registration, with its lifetimes, pauses and daily caps (case C26).
 */
export async function requestSignatureCode(ctx: AppContext, acting: Acting, meetingId: string) {
  const { user, protocol, signer } = await pendingSigner(ctx, acting, meetingId);

  if (!signer.email) {
    throw new AppError('validation_failed', {
      detail: {
        ru: 'Для подписи нужен подтверждённый адрес электронной почты',
        en: 'Signing needs a confirmed e-mail address',
      },
    });
  }

  const issued = await ctx.db.transaction((tx) =>
    issueCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'protocol_signature',
      subjectId: challengeSubject(meetingId, user.id),
      kind: 'email',
      contact: signer.email!,
      ip: acting.ip,
      now: meetingsClock.now(),
      compose: (code, minutes) => ({
        channel: 'email',
        recipient: signer.email!,
        subject: `Подпись протокола № ${protocol.number}`,
        body:
          `Код ${code} — подпись протокола № ${protocol.number} общего собрания ` +
          `(SHA-256 ${protocol.sha256}). Код действует ${minutes} мин. Никому его не сообщайте.`,
        metadata: { kind: 'meeting_signature_code', meetingId },
      }),
    }),
  );

  return {
    sentTo: signer.email.replace(/^(.).*(@.*)$/, '$1***$2'),
    expiresAt: issued.expiresAt.toISOString(),
  };
}

/**
 * Signs the protocol with a simple electronic signature (63-ФЗ ст. 9): the code proves the
 * signer, and the journal keeps who, when, the code challenge and the document's hash. The last
 * signature completes the protocol and forwards it.
 */
export async function signProtocol(
  ctx: AppContext,
  acting: Acting,
  meetingId: string,
  code: string,
) {
  const { user, protocol, signer } = await pendingSigner(ctx, acting, meetingId);
  const now = meetingsClock.now();
  const subjectId = challengeSubject(meetingId, user.id);
  const verdict = await ctx.db.transaction((tx) =>
    checkCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'protocol_signature',
      subjectId,
      kind: 'email',
      code,
      now,
    }),
  );

  throwOtpVerdict(verdict);

  const [challenge] = await ctx.db.query<{ id: string }>(
    `SELECT id FROM otp_challenges WHERE purpose = 'protocol_signature' AND subject_id = $1
     ORDER BY created_at DESC LIMIT 1`,
    [subjectId],
  );

  const complete = await ctx.db.transaction(async (tx) => {
    const meeting = (await findMeeting(tx, meetingId, { lock: true }))!;

    await markSigned(tx, {
      meetingId,
      userId: user.id,
      documentHash: protocol.sha256,
      challengeId: challenge?.id ?? null,
      at: now,
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'meeting.protocol_signed',
      objectType: 'meeting',
      objectId: meetingId,
      requestId: acting.requestId,
      after: { role: signer.role, documentHash: protocol.sha256, challengeId: challenge?.id },
    });

    return completeIfSigned(tx, meeting, now);
  });

  return { role: signer.role, signedAt: now.toISOString(), protocolComplete: complete };
}
