import { apiRequest } from './client.js';

/** «Мой МП‑дом»: the signed-in person's premises (GET /api/v1/me/premises). */

export type PremiseKind = 'flat' | 'non_residential' | 'parking' | 'storage';

export type PremiseRelation = 'owner' | 'resident' | 'representative';

export type Share = { numerator: number; denominator: number; text: string };

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

export type OpenClaim = {
  id: string;
  status: 'conflict';
  house: { id: string; address: string };
  premiseId: string | null;
  premiseNumber: string;
  premiseKind: PremiseKind;
  cadastralNumber: string;
  share: string;
  mismatches: { code: MismatchCode; claimed: string | null; found: string | null }[];
  createdAt: string;
};

export type PersonalAccount = {
  id: string;
  number: string;
  localNumber: string | null;
  organisation: { id: string; name: string };
  openedOn: string;
  closedOn: string | null;
  payer: 'self' | 'principal';
};

export type ManagingOrganisation = {
  id: string;
  name: string;
  kind: string;
  inn: string | null;
  ogrn: string | null;
  portalLink: string | null;
  contract: { number: string | null; startedOn: string; endedOn: string | null } | null;
};

export type MyPremise = {
  id: string;
  house: { id: string; address: string };
  number: string;
  kind: PremiseKind;
  floor: number | null;
  entrance: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
  relations: PremiseRelation[];
  ownership: { share: Share; since: string | null; titleDocument: string | null } | null;
  representing: { principalName: string; share: Share; validUntil: string }[];
  coOwners: { others: number; total: Share } | null;
  residents: { count: number; people: { name: string; registeredOn: string | null }[] | null };
  accounts: PersonalAccount[];
  managingOrganisation: ManagingOrganisation | null;
  claims: OpenClaim[];
};

export type MyPremises = { premises: MyPremise[]; claims: OpenClaim[] };

export function getMyPremises(signal?: AbortSignal) {
  return apiRequest<MyPremises>('/api/v1/me/premises', { signal });
}

export function getMyPremise(premiseId: string, signal?: AbortSignal) {
  return apiRequest<MyPremise>(`/api/v1/me/premises/${encodeURIComponent(premiseId)}`, { signal });
}
