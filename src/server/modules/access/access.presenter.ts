import { maskPassport, maskSnils } from '../../../domain/access/assurance.js';
import type { AssuranceRow, VerificationRow } from './assurance.repo.js';

/** Identity documents as anyone may see them: never the full numbers, only their last digits. */
export function presentDocuments(row: AssuranceRow | undefined) {
  if (!row?.passportTail || !row.snilsTail || !row.passportIssuedOn || !row.departmentCode) {
    return null;
  }

  return {
    passport: maskPassport(row.passportTail),
    passportIssuedOn: row.passportIssuedOn,
    departmentCode: row.departmentCode,
    snils: maskSnils(`000000${row.snilsTail}`),
  };
}

export function presentVerification(row: VerificationRow, docs: AssuranceRow | undefined) {
  return {
    id: row.id,
    userId: row.userId,
    displayName: row.displayName,
    method: row.method as 'document_scan' | 'in_person_code' | 'oidc',
    status: row.status as 'pending' | 'approved' | 'rejected' | 'expired',
    fileId: row.fileId,
    reason: row.reason,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    identityDocuments: presentDocuments(docs),
  };
}

/** `o•••@mail.ru`, `+7 ••• ••• 12 34`: enough to recognise a contact, too little to harvest it. */
export function maskContact(value: string): string {
  if (value.includes('@')) {
    const [local = '', domain = ''] = value.split('@');

    return `${local.slice(0, 1)}•••@${domain}`;
  }

  return `+7 ••• ••• ${value.slice(-4, -2)} ${value.slice(-2)}`;
}
