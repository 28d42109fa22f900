import {
  VERDICT_TEXT,
  type SignatureVerdict,
} from '../../../domain/documents/signature-verdict.js';
import type { DocumentRow, VersionRow } from './documents.repo.js';
import type { SignatureRequestRow, SignatureRow } from './signatures.repo.js';

export type Locale = 'ru' | 'en';

export function presentDocument(row: DocumentRow, canWrite: boolean) {
  return {
    id: row.id,
    scope: row.scope,
    kind: row.kind as never,
    title: row.title,
    tags: row.tags,
    status: row.status,
    houseId: row.houseId,
    houseAddress: row.houseAddress,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    folderId: row.folderId,
    supersedesId: row.supersedesId,
    currentVersion: row.currentVersion,
    updatedAt: row.updatedAt.toISOString(),
    canWrite,
  };
}

export function presentVersion(row: VersionRow) {
  return {
    number: row.number,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSignature(row: SignatureRow, locale: Locale) {
  const details = row.details as {
    algorithm?: string | null;
    certificate?: {
      subject: string;
      issuer: string;
      serialNumber: string;
      notBefore: string;
      notAfter: string;
    } | null;
  };

  return {
    id: row.id,
    method: row.method,
    versionNumber: row.versionNumber,
    sha256: row.sha256,
    signerName: row.signerName,
    signedAt: row.signedAt.toISOString(),
    verdict: row.verdict as SignatureVerdict,
    verdictText:
      row.method === 'simple'
        ? locale === 'ru'
          ? 'Подписано простой электронной подписью (код подтверждения)'
          : 'Signed with a simple electronic signature (confirmation code)'
        : VERDICT_TEXT[row.verdict as SignatureVerdict][locale],
    algorithm: details.algorithm ?? null,
    certificate: details.certificate ?? null,
    codeReference: row.codeChallengeId,
    hasStampedCopy: row.stampedFileId !== null,
  };
}

export function presentRequest(row: SignatureRequestRow) {
  return {
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    documentKind: row.documentKind,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    signerName: row.signerName,
    premiseLabel: row.premiseLabel,
    status: row.status,
    message: row.message,
    declineReason: row.declineReason,
    sentAt: row.sentAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
