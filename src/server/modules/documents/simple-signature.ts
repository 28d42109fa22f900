import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';

import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import { checkCode, issueCode, throwOtpVerdict } from '../accounts/otp.service.js';
import type { Acting } from '../house-register/acting.js';
import { findDocument, findVersions, setDocumentState } from './documents.repo.js';
import { signedIn } from './documents.service.js';
import { stampedCopy } from './signature-stamp.js';
import { closeRequest, findRequest, insertSignature } from './signatures.repo.js';

const PURPOSE = 'document_signature' as const;

/** The signer's contact for codes: the phone when there is one, else the e-mail address. */
async function contactOf(ctx: AppContext, userId: string) {
  const [row] = await ctx.db.query<{ phone: string | null; email: string | null }>(
    'SELECT phone, email FROM users WHERE id = $1',
    [userId],
  );

  if (row?.phone) {
    return { kind: 'phone' as const, contact: row.phone };
  }

  if (row?.email) {
    return { kind: 'email' as const, contact: row.email };
  }

  throw new AppError('signing_contact_missing');
}

function mask(kind: 'phone' | 'email', contact: string): string {
  if (kind === 'phone') {
    return `${contact.slice(0, 2)} ${contact.slice(2, 5)} ***-**-${contact.slice(-2)}`;
  }

  const [name = '', domain = ''] = contact.split('@');

  return `${name.slice(0, 2)}***@${domain}`;
}

/** The pending request addressed to this user; anyone else gets `not_found`. */
async function ownPendingRequest(ctx: AppContext, acting: Acting, id: string) {
  const user = signedIn(acting);
  const request = await findRequest(ctx.db, id);

  if (!request || request.signerPersonId !== user.personId) {
    throw new AppError('not_found', {
      detail: { ru: 'Запрос подписи не найден', en: 'No such signature request' },
    });
  }

  if (request.status !== 'pending') {
    throw new AppError('signature_request_closed');
  }

  return { user, request };
}

/** Sends the one-time code that confirms a simple electronic signature (63-ФЗ ст. 9). */
export async function sendSigningCode(
  ctx: AppContext,
  acting: Acting,
  requestId: string,
  ip: string,
) {
  const { user, request } = await ownPendingRequest(ctx, acting, requestId);
  const { kind, contact } = await contactOf(ctx, user.id);

  const issued = await ctx.db.transaction((tx) =>
    issueCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: PURPOSE,
      subjectId: request.id,
      kind,
      contact,
      ip,
      now: new Date(),
      compose: (code, minutes) =>
        kind === 'phone'
          ? {
              channel: 'sms',
              recipient: contact,
              body: `МП-дом: код ${code} — подпись документа «${request.documentTitle.slice(0, 60)}». Никому не сообщайте.`,
              metadata: { kind: 'signature_code', requestId: request.id },
            }
          : {
              channel: 'email',
              recipient: contact,
              subject: 'Код для подписи документа — МП-дом',
              body:
                `Код для подписи документа «${request.documentTitle}»: ${code}\n\n` +
                `Код действует ${minutes} мин. Вводя его, вы подписываете документ простой ` +
                'электронной подписью по условиям пользовательского соглашения МП-дом. ' +
                'Никому не сообщайте код.',
              metadata: { kind: 'signature_code', requestId: request.id },
            },
    }),
  );

  return {
    expiresAt: issued.expiresAt.toISOString(),
    resendAvailableAt: issued.resendAvailableAt.toISOString(),
    attemptsLeft: issued.attemptsLeft,
    sentTo: mask(kind, contact),
  };
}

/**
 * Signs with the code: records the SHA-256 of the version's bytes, the signer, the time, the
 * method and the code's challenge, makes the stamped copy and closes the request, all at once.
 */
export async function confirmSigningCode(
  ctx: AppContext,
  acting: Acting,
  requestId: string,
  code: string,
) {
  const { user, request } = await ownPendingRequest(ctx, acting, requestId);
  const { kind } = await contactOf(ctx, user.id);
  const now = new Date();

  // The attempt is stored even when wrong (the attempt counter), so it commits on its own.
  const verdict = await ctx.db.transaction((tx) =>
    checkCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: PURPOSE,
      subjectId: request.id,
      kind,
      code,
      now,
    }),
  );

  throwOtpVerdict(verdict);

  const [challenge] = await ctx.db.query<{ id: string }>(
    `SELECT id FROM otp_challenges WHERE purpose = $1 AND subject_id = $2
     ORDER BY created_at DESC LIMIT 1`,
    [PURPOSE, request.id],
  );
  const version = (await findVersions(ctx.db, request.documentId)).find(
    (v) => v.id === request.versionId,
  )!;
  const original = await buffer(
    await openStoredFile(ctx, await getStoredFile(ctx, version.fileId)),
  );
  const sha256 = createHash('sha256').update(original).digest('hex');

  if (sha256 !== version.sha256) {
    // The stored bytes no longer hash as recorded: never sign what the person did not see.
    throw new AppError('internal_error');
  }

  const when = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(now);
  const stamp = await stampedCopy(original, version.mimeType, {
    heading: 'ПОДПИСАНО ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ',
    lines: [
      `Подписант: ${user.displayName}`,
      `Дата и время: ${when} МСК`,
      `Способ: одноразовый код, ссылка ${challenge?.id ?? '—'}`,
      `SHA-256: ${sha256.slice(0, 32)}`,
      `${sha256.slice(32)}`,
      `Документ № ${request.documentId.slice(0, 8)}, версия ${version.number}, МП-дом`,
    ],
  });
  const stampedName = version.originalName.replace(/\.[^.]+$/, '') + ' (подписано).pdf';
  const stamped = await storeUpload(ctx, {
    body: stamp,
    originalName: stampedName,
    allowed: ['pdf'],
    maxBytes: stamp.length + 1,
    uploadedBy: user.id,
  });

  await ctx.db.transaction(async (tx) => {
    const locked = await findRequest(tx, request.id, { lock: true });

    if (locked?.status !== 'pending') {
      throw new AppError('signature_request_closed');
    }

    const signatureId = await insertSignature(tx, {
      documentId: request.documentId,
      versionId: request.versionId,
      method: 'simple',
      sha256,
      signerUserId: user.id,
      signerName: user.displayName,
      signedAt: now,
      codeChallengeId: challenge?.id ?? null,
      stampedFileId: stamped.id,
      signatureFileId: null,
      verdict: 'valid',
      details: { contactKind: kind, organisationId: request.organisationId },
    });

    await closeRequest(tx, request.id, { status: 'signed', signatureId });
    await setDocumentState(tx, request.documentId, { status: 'signed' });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'document.signed',
      objectType: 'document',
      objectId: request.documentId,
      requestId: acting.requestId,
      after: {
        method: 'simple',
        sha256,
        signatureRequestId: request.id,
        challengeId: challenge?.id,
      },
    });
  });

  return findDocument(ctx.db, request.documentId);
}
