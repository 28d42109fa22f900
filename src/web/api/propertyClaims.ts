import { apiRequest } from './client.js';
import type { Page } from './types.js';

export type PremiseKind = 'flat' | 'non_residential' | 'parking' | 'storage';

export const PREMISE_KINDS: PremiseKind[] = ['flat', 'non_residential', 'parking', 'storage'];

export type TitleKind =
  | 'sale_contract'
  | 'gift_contract'
  | 'exchange_contract'
  | 'inheritance_certificate'
  | 'privatisation_contract'
  | 'shared_construction_contract'
  | 'housing_coop_certificate'
  | 'court_decision'
  | 'other';

export const TITLE_KINDS: TitleKind[] = [
  'sale_contract',
  'gift_contract',
  'exchange_contract',
  'inheritance_certificate',
  'privatisation_contract',
  'shared_construction_contract',
  'housing_coop_certificate',
  'court_decision',
  'other',
];

export type ClaimStatus = 'confirmed' | 'conflict' | 'approved' | 'rejected' | 'withdrawn';

export type MismatchCode =
  | 'cadastral_format'
  | 'not_in_registry'
  | 'address'
  | 'premise_number'
  | 'kind'
  | 'area'
  | 'claimant_not_owner'
  | 'share_differs'
  | 'shares_exceed_whole';

export type Mismatch = { code: MismatchCode; claimed: string | null; found: string | null };

export type ClaimFile = { id: string; originalName: string; mimeType: string; sizeBytes: number };

export type PropertyClaim = {
  id: string;
  status: ClaimStatus;
  house: { id: string; address: string };
  premiseNumber: string;
  premiseKind: PremiseKind;
  cadastralNumber: string;
  area: string;
  share: string;
  title: { kind: TitleKind; number: string | null; date: string | null };
  mismatches: Mismatch[];
  files: ClaimFile[];
  routedOrganisation: { id: string; name: string } | null;
  premiseId: string | null;
  ownershipId: string | null;
  decision: { reason: string | null; decidedAt: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type RegistryFacts = {
  cadastralNumber: string;
  address: string;
  premiseNumber: string | null;
  kind: PremiseKind;
  area: string;
  extractedOn: string | null;
  rights: {
    ownerKind: 'person' | 'company' | 'municipality';
    ownerName: string;
    share: string;
    registrationNumber: string;
    registeredOn: string;
  }[];
};

export type QueueClaim = PropertyClaim & {
  claimant: { displayName: string; assuranceLevel: string };
  registry: RegistryFacts | null;
};

export type ClaimQueue = { organisationId: string; name: string; kind: string; conflicts: number };

export type NewClaim = {
  houseId: string;
  premiseNumber: string;
  premiseKind: PremiseKind;
  cadastralNumber: string;
  area: string;
  share: string;
  titleKind: TitleKind;
  titleNumber: string | null;
  titleDate: string | null;
  fileIds: string[];
};

export function submitClaim(claim: NewClaim) {
  return apiRequest<PropertyClaim>('/api/v1/property-claims', { method: 'POST', body: claim });
}

export function listMyClaims(page: number, signal?: AbortSignal) {
  return apiRequest<Page<PropertyClaim>>('/api/v1/property-claims/mine', {
    query: { page, limit: 20 },
    signal,
  });
}

export function withdrawClaim(id: string) {
  return apiRequest<PropertyClaim>(`/api/v1/property-claims/${encodeURIComponent(id)}/withdraw`, {
    method: 'POST',
  });
}

export function listClaimQueues(signal?: AbortSignal) {
  return apiRequest<ClaimQueue[]>('/api/v1/property-claims/queues', { signal });
}

export function listQueueClaims(
  organisationId: string,
  query: { status: ClaimStatus; page: number },
  signal?: AbortSignal,
) {
  return apiRequest<Page<QueueClaim>>(
    `/api/v1/organisations/${encodeURIComponent(organisationId)}/property-claims`,
    { query: { ...query, limit: 10 }, signal },
  );
}

export function decideClaim(
  id: string,
  decision: { decision: 'approve' | 'reject'; reason: string },
) {
  return apiRequest<PropertyClaim>(`/api/v1/property-claims/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    body: decision,
  });
}

/** Where a browser shows a claim's scan (for its owner and for whoever decides the claim). */
export function claimFileUrl(claimId: string, fileId: string) {
  return `/api/v1/property-claims/${encodeURIComponent(claimId)}/files/${encodeURIComponent(fileId)}?disposition=inline`;
}
