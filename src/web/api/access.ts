import { apiRequest } from './client.js';
import type { Page } from './types.js';

/** The person's profile and assurance, verification, organisations' staff ("access"). */

export type AssuranceLevel = 'basic' | 'standard' | 'verified';

export type VerificationMethod = 'document_scan' | 'in_person_code' | 'oidc';

export type IdentityDocumentsView = {
  passport: string;
  passportIssuedOn: string;
  departmentCode: string;
  snils: string;
};

export type RoleGrant = {
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  premiseId?: string | null;
  premiseLabel?: string | null;
};

export type Me = {
  id: string;
  displayName: string;
  contacts: { kind: 'phone' | 'email'; value: string; confirmed: boolean }[];
  assurance: {
    level: AssuranceLevel;
    missing: ('identity_documents' | 'verification')[];
    pendingVerification: { id: string; method: VerificationMethod; createdAt: string } | null;
    lastRejection?: { reason: string | null; decidedAt: string } | null;
    verifiedBy?: VerificationMethod | null;
  };
  identityDocuments?: IdentityDocumentsView | null;
  roles: RoleGrant[];
};

export function getMe(signal?: AbortSignal) {
  return apiRequest<Me>('/api/v1/users/me', { signal });
}

export type IdentityDocumentsInput = {
  passportSeriesNumber: string;
  passportIssuedOn: string;
  departmentCode: string;
  snils: string;
};

export function saveIdentityDocuments(input: IdentityDocumentsInput) {
  return apiRequest<unknown>('/api/v1/users/me/identity-documents', { method: 'PUT', body: input });
}

export type VerificationStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export type VerificationRequest = {
  id: string;
  userId: string;
  displayName: string;
  method: VerificationMethod;
  status: VerificationStatus;
  fileId: string | null;
  reason: string | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  identityDocuments: IdentityDocumentsView | null;
};

export function requestVerification(fileId: string) {
  return apiRequest<VerificationRequest>('/api/v1/verification-requests', {
    method: 'POST',
    body: { fileId, method: 'document_scan' },
  });
}

export function listVerificationRequests(
  query: { status?: VerificationStatus; page?: number; limit?: number },
  signal?: AbortSignal,
) {
  return apiRequest<Page<VerificationRequest>>('/api/v1/verification-requests', {
    query,
    signal,
  });
}

export function decideVerification(id: string, decision: { approved: boolean; reason?: string }) {
  return apiRequest<VerificationRequest>(
    `/api/v1/verification-requests/${encodeURIComponent(id)}/decision`,
    { method: 'POST', body: decision },
  );
}

export type InPersonCodeIssued = {
  userId: string;
  displayName: string;
  code: string;
  expiresAt: string;
};

export function issueInPersonCode(login: string) {
  return apiRequest<InPersonCodeIssued>('/api/v1/verification-requests/in-person-codes', {
    method: 'POST',
    body: { login },
  });
}

export function redeemInPersonCode(code: string) {
  return apiRequest<unknown>('/api/v1/users/me/in-person-code', {
    method: 'POST',
    body: { code },
  });
}

export type Employee = {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: string[];
  since: string;
};

const organisationPath = (id: string) => `/api/v1/organisations/${encodeURIComponent(id)}`;

export async function listEmployees(organisationId: string, signal?: AbortSignal) {
  const answer = await apiRequest<Page<Employee> | Employee[]>(
    `${organisationPath(organisationId)}/employees`,
    { query: { limit: 100 }, signal },
  );

  // A plain array and a page are both fine answers for a list this short.
  return Array.isArray(answer) ? answer : answer.items;
}

export type Invitation = {
  id: string;
  organisationId: string;
  sentTo: string;
  role: string;
  expiresAt: string;
};

export function inviteEmployee(
  organisationId: string,
  input: { email?: string; phone?: string; role: string },
) {
  return apiRequest<Invitation>(`${organisationPath(organisationId)}/invitations`, {
    method: 'POST',
    body: input,
  });
}

export function setEmployeeRoles(organisationId: string, userId: string, roles: string[]) {
  return apiRequest<unknown>(
    `${organisationPath(organisationId)}/employees/${encodeURIComponent(userId)}/roles`,
    { method: 'PUT', body: { roles } },
  );
}

export function removeEmployee(organisationId: string, userId: string) {
  return apiRequest<void>(
    `${organisationPath(organisationId)}/employees/${encodeURIComponent(userId)}`,
    { method: 'DELETE' },
  );
}

export type AcceptedInvitation = { organisationId: string; roles: string[] };

export function acceptInvitation(token: string) {
  return apiRequest<AcceptedInvitation>(
    `/api/v1/invitations/${encodeURIComponent(token)}/acceptance`,
    {
      method: 'POST',
    },
  );
}

/** Roles an organisation admin can hand out, in the order the page lists them. */
export const ORGANISATION_ROLES = [
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
  'inspector',
  'department_clerk',
  'department_head',
] as const;

/** The scan of a verification request, for the operator to view in the browser. */
export function verificationScanUrl(id: string) {
  return `/api/v1/verification-requests/${encodeURIComponent(id)}/scan`;
}
