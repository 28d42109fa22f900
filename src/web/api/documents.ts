import { apiRequest } from './client.js';

export type DocumentScope = 'personal' | 'house' | 'organisation';
export type DocumentKind =
  'contract' | 'act' | 'technical' | 'licence' | 'protocol' | 'certificate' | 'personal' | 'other';
export type DocumentStatus = 'active' | 'awaiting_signature' | 'signed' | 'superseded';

export type DocumentCard = {
  id: string;
  scope: DocumentScope;
  kind: DocumentKind;
  title: string;
  tags: string[];
  status: DocumentStatus;
  houseId: string | null;
  houseAddress: string | null;
  organisationId: string | null;
  organisationName: string | null;
  folderId: string | null;
  supersedesId: string | null;
  currentVersion: number;
  updatedAt: string;
  canWrite: boolean;
};

export type Version = {
  number: number;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  note: string | null;
  createdAt: string;
};

export type Signature = {
  id: string;
  method: 'simple' | 'enhanced';
  versionNumber: number;
  sha256: string;
  signerName: string;
  signedAt: string;
  verdict: string;
  verdictText: string;
  algorithm: string | null;
  certificate: { subject: string; issuer: string; notBefore: string; notAfter: string } | null;
  codeReference: string | null;
  hasStampedCopy: boolean;
};

export type SignatureRequest = {
  id: string;
  documentId: string;
  documentTitle: string;
  documentKind: DocumentKind;
  organisationName: string;
  signerName: string;
  premiseLabel: string | null;
  status: 'pending' | 'signed' | 'declined' | 'cancelled';
  message: string | null;
  declineReason: string | null;
  sentAt: string;
  decidedAt: string | null;
};

export type DocumentDetail = DocumentCard & {
  versions: Version[];
  signatures: Signature[];
  signatureRequests: SignatureRequest[];
};

export type Page<T> = { items: T[]; total: number; page: number; limit: number };

export type CertificateKind = 'ownership' | 'no_debt' | 'utility_services';

export type Certificate = {
  id: string;
  kind: CertificateKind;
  title: string;
  number: string;
  premiseLabel: string;
  organisationName: string;
  issuedAt: string;
  validUntil: string;
  state: 'current' | 'expired' | 'revoked';
  revokeReason: string | null;
  verificationUrl: string;
  sha256: string;
};

export type Verification = {
  number: string;
  kind: CertificateKind;
  title: string;
  state: 'current' | 'expired' | 'revoked';
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
  revokeReason: string | null;
  organisationName: string;
  facts: { label: string; value: string }[];
  sha256: string;
  signer: { subject: string; serialNumber: string; notAfter: string };
};

export type FileCheck = {
  unchanged: boolean;
  sha256: string;
  expectedSha256: string;
  state: Verification['state'];
  message: string;
};

export type SignatureCheck = {
  verdict: string;
  verdictText: string;
  valid: boolean;
  algorithm: string | null;
  signingTime: string | null;
  certificate: { subject: string; issuer: string; notBefore: string; notAfter: string } | null;
};

export function listDocuments(
  query: { scope?: DocumentScope; organisationId?: string; q?: string; kind?: string },
  signal?: AbortSignal,
) {
  return apiRequest<Page<DocumentCard>>('/api/v1/documents', {
    query: { limit: 50, ...query },
    signal,
  });
}

export function getDocument(id: string, signal?: AbortSignal) {
  return apiRequest<DocumentDetail>(`/api/v1/documents/${encodeURIComponent(id)}`, { signal });
}

export function createDocument(card: Record<string, string>, file: File) {
  const form = new FormData();

  for (const [name, value] of Object.entries(card)) {
    form.append(name, value);
  }

  form.append('file', file, file.name);

  return apiRequest<DocumentDetail>('/api/v1/documents', { method: 'POST', body: form });
}

export function versionUrl(id: string, number: number, copy: 'original' | 'stamped' = 'original') {
  return `/api/v1/documents/${encodeURIComponent(id)}/versions/${number}/file?copy=${copy}`;
}

export function listSignatureRequests(
  query: { organisationId?: string; status?: string },
  signal?: AbortSignal,
) {
  return apiRequest<Page<SignatureRequest>>('/api/v1/signature-requests', {
    query: { limit: 50, ...query },
    signal,
  });
}

export function sendForSignature(
  documentId: string,
  body: { signerPersonId: string; premiseId?: string; message?: string },
) {
  return apiRequest<SignatureRequest>(
    `/api/v1/documents/${encodeURIComponent(documentId)}/signature-requests`,
    { method: 'POST', body },
  );
}

export function sendSigningCode(requestId: string) {
  return apiRequest<{ sentTo: string; expiresAt: string }>(
    `/api/v1/signature-requests/${encodeURIComponent(requestId)}/codes`,
    { method: 'POST' },
  );
}

export function signWithCode(requestId: string, code: string) {
  return apiRequest<DocumentDetail>(
    `/api/v1/signature-requests/${encodeURIComponent(requestId)}/signatures`,
    { method: 'POST', body: { code } },
  );
}

export function declineSignature(requestId: string, reason: string) {
  return apiRequest<SignatureRequest>(
    `/api/v1/signature-requests/${encodeURIComponent(requestId)}/decline`,
    { method: 'POST', body: { reason } },
  );
}

export function listSigners(orgId: string, q: string, signal?: AbortSignal) {
  return apiRequest<{ personId: string; name: string; premiseId: string; premiseLabel: string }[]>(
    `/api/v1/organisations/${encodeURIComponent(orgId)}/document-signers`,
    { query: { q: q || undefined }, signal },
  );
}

export function checkSignature(document: File, signature: File) {
  const form = new FormData();

  form.append('document', document, document.name);
  form.append('signature', signature, signature.name);

  return apiRequest<SignatureCheck>('/api/v1/signature-checks', { method: 'POST', body: form });
}

export function listMyCertificates(signal?: AbortSignal) {
  return apiRequest<Certificate[]>('/api/v1/certificates', { signal });
}

export function listOrgCertificates(orgId: string, signal?: AbortSignal) {
  return apiRequest<Certificate[]>(
    `/api/v1/organisations/${encodeURIComponent(orgId)}/certificates`,
    { signal },
  );
}

export function requestCertificate(kind: CertificateKind, premiseId: string) {
  return apiRequest<Certificate>('/api/v1/certificates', {
    method: 'POST',
    body: { kind, premiseId },
  });
}

export function revokeCertificate(id: string, reason: string) {
  return apiRequest<Certificate>(`/api/v1/certificates/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    body: { reason },
  });
}

export function certificateFileUrl(id: string) {
  return `/api/v1/certificates/${encodeURIComponent(id)}/file`;
}

export function verifyCertificate(token: string, signal?: AbortSignal) {
  return apiRequest<Verification>(
    `/api/v1/certificate-verifications/${encodeURIComponent(token)}`,
    { signal },
  );
}

export function checkCertificateFile(token: string, file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<FileCheck>(
    `/api/v1/certificate-verifications/${encodeURIComponent(token)}/checks`,
    { method: 'POST', body: form },
  );
}
