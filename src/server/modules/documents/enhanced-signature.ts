import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';

import { VERDICT_TEXT } from '../../../domain/documents/signature-verdict.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { insertStoredFile } from '../../platform/files/files.repo.js';
import { getStoredFile, openStoredFile, storageOf } from '../../platform/files/files.service.js';
import type { Acting } from '../house-register/acting.js';
import { verifyDetachedCms, type CmsCheck } from './cms-verification.js';
import { canWrite } from './document-access.js';
import type { Locale } from './documents.presenter.js';
import { findVersions, setDocumentState } from './documents.repo.js';
import { readableDocument } from './documents.service.js';
import { insertSignature } from './signatures.repo.js';

/** A signature file is small; anything larger is not one. */
export const SIGNATURE_MAX_BYTES = 256 * 1024;

export function presentCheck(check: CmsCheck, locale: Locale) {
  return {
    verdict: check.verdict,
    verdictText: VERDICT_TEXT[check.verdict][locale],
    valid: check.verdict === 'valid',
    algorithm: check.algorithm,
    digestAlgorithm: check.digestAlgorithm,
    signingTime: check.signingTime,
    certificate: check.certificate,
  };
}

/**
 * Attaches a detached CMS signature to the document's current version after verifying it
 * against those exact bytes. A signature that does not verify is refused with the verdict and
 * nothing is stored; a verified one freezes the document (it can only be superseded).
 */
export async function attachEnhancedSignature(
  ctx: AppContext,
  acting: Acting,
  documentId: string,
  input: { signature: Buffer; certificate: Buffer | null; fileName: string },
  locale: Locale,
) {
  const { document, who, user } = await readableDocument(ctx, acting, documentId);

  if (!canWrite(document, who)) {
    throw new AppError('forbidden');
  }

  if (document.status === 'superseded') {
    throw new AppError('document_frozen');
  }

  const version = (await findVersions(ctx.db, documentId))[0]!;
  const bytes = await buffer(await openStoredFile(ctx, await getStoredFile(ctx, version.fileId)));
  const check = verifyDetachedCms(input.signature, bytes, {
    ...(input.certificate ? { extraCertificate: input.certificate } : {}),
  });

  if (check.verdict !== 'valid') {
    throw new AppError('signature_rejected', {
      detail: VERDICT_TEXT[check.verdict],
      extra: { verdict: check.verdict, certificate: check.certificate },
    });
  }

  const key = `signatures/${randomUUID()}`;
  const stored = await storageOf(ctx).put(key, input.signature, { maxBytes: SIGNATURE_MAX_BYTES });

  await ctx.db.transaction(async (tx) => {
    const file = await insertStoredFile(tx, {
      storageKey: key,
      originalName: input.fileName,
      mimeType: 'application/pkcs7-signature',
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: user.id,
    });

    await insertSignature(tx, {
      documentId,
      versionId: version.id,
      method: 'enhanced',
      sha256: version.sha256,
      signerUserId: user.id,
      signerName: check.certificate!.subject,
      signedAt: check.signingTime ? new Date(check.signingTime) : new Date(),
      codeChallengeId: null,
      stampedFileId: null,
      signatureFileId: file.id,
      verdict: check.verdict,
      details: {
        algorithm: check.algorithm,
        digestAlgorithm: check.digestAlgorithm,
        certificate: check.certificate,
      },
    });
    await setDocumentState(tx, documentId, { status: 'signed' });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'document.signature_attached',
      objectType: 'document',
      objectId: documentId,
      requestId: acting.requestId,
      after: { method: 'enhanced', sha256: version.sha256, certificate: check.certificate },
    });
  });

  return presentCheck(check, locale);
}
