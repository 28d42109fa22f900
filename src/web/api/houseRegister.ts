import { apiRequest } from './client.js';
import type { Page } from './types.js';

/** The management organisation's register: houses, chessboard, passport, contracts, accounts. */

export type ContractBrief = {
  id: string;
  number: string | null;
  startedOn: string;
  endedOn: string | null;
};

export type OrgHouse = {
  id: string;
  address: string;
  managedBy: 'contract' | 'registry';
  contract: ContractBrief | null;
  premisesCount: number;
  ownedCount: number;
  accountsCount: number;
};

export type Owner = {
  ownershipId: string;
  kind: 'person' | 'organisation';
  personId: string | null;
  organisationId: string | null;
  name: string;
  share: string;
  startedOn: string | null;
};

export type Cell = {
  id: string;
  number: string;
  kind: string;
  floor: number | null;
  entrance: number | null;
  areaTotal: string;
  areaLiving: string | null;
  cadastralNumber: string | null;
  owners: Owner[];
  sharesTotal: string;
  residentsCount: number;
  accounts: { id: string; number: string; payerName: string }[];
};

export type HouseHead = {
  id: string;
  address: string;
  managingOrganisation: { id: string; name: string } | null;
};

export type Register = {
  house: HouseHead;
  entrances: {
    entrance: number | null;
    premisesCount: number;
    floors: { floor: number | null; premises: Cell[] }[];
  }[];
  other: { kind: string; premises: Cell[] }[];
  totals: { premises: number; owned: number; accountsOpen: number; residents: number };
};

export type OwnershipRecord = Owner & {
  endedOn: string | null;
  endedReason: string | null;
  titleDocument: string | null;
  rightNumber: string | null;
  rightRegisteredOn: string | null;
  source: string;
};

export type PremiseAccount = {
  id: string;
  number: string;
  payerName: string;
  payerPersonId: string | null;
  payerOrganisationId: string | null;
  organisationName: string;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
};

export type PremiseCard = {
  premise: Omit<Cell, 'owners' | 'accounts' | 'sharesTotal' | 'residentsCount'> & {
    houseId: string;
    houseAddress: string;
  };
  owners: OwnershipRecord[];
  history: OwnershipRecord[];
  sharesTotal: string;
  residents: { personId: string; name: string; registeredOn: string | null }[];
  accounts: PremiseAccount[];
};

export type Passport = {
  house: HouseHead & {
    yearBuilt: number | null;
    floorsMax: number | null;
    entrances: number | null;
    cadastralNumber: string | null;
    houseType: string | null;
    isEmergency: boolean | null;
    areaTotal: string | null;
    areaResidential: string | null;
    areaNonResidential: string | null;
    areaParking: string | null;
    residentialPremisesCount: number | null;
    nonResidentialPremisesCount: number | null;
  };
  managedBy: 'contract' | 'registry' | null;
  contracts: (ContractBrief & { organisationName: string })[];
  entrances: { number: number; floors: number | null; premisesCount: number }[];
  premisesByKind: { kind: string; count: number; areaTotal: string; areaLiving: string }[];
  areaCheck: {
    part: 'residential' | 'non_residential' | 'parking';
    registry: string | null;
    premises: string;
    difference: string | null;
    registryCount: number | null;
    premisesCount: number;
  }[];
  ownersCount: number;
  premisesWithoutOwners: number;
  accountsOpen: number;
  residentsCount: number;
};

export type Contract = ContractBrief & {
  houseId: string;
  organisationId: string;
  organisationName: string;
  signedOn: string | null;
  endedReason: string | null;
  inForce: boolean;
};

export type Account = {
  id: string;
  number: string;
  localNumber: string | null;
  status: 'open' | 'closed';
  premise: { id: string; number: string; kind: string; houseId: string; houseAddress: string };
  organisation: { id: string; name: string };
  payer: {
    kind: 'person' | 'organisation';
    personId: string | null;
    organisationId: string | null;
    name: string;
  };
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
};

export type AccountDetail = Account & {
  history: { at: string; action: string; actorName: string | null }[];
  premiseAccounts: Account[];
};

export const CHANGE_REASONS = [
  'sale',
  'inheritance',
  'gift',
  'court',
  'privatisation',
  'correction',
] as const;

export type ChangeReason = (typeof CHANGE_REASONS)[number];

export type NewRight = {
  personId?: string;
  person?: { surname: string; name: string; patronymic?: string };
  organisationId?: string;
  share: string;
  titleDocument?: string;
  rightNumber?: string;
  rightRegisteredOn?: string;
};

export type OwnershipChange = {
  reason: ChangeReason;
  date: string;
  ending: string[];
  starting: NewRight[];
  closeAccounts?: boolean;
  openAccountFor?: number[];
};

export function listOrgHouses(
  orgId: string,
  query: { q?: string; page?: number; limit?: number },
  signal?: AbortSignal,
) {
  return apiRequest<Page<OrgHouse>>(`/api/v1/organisations/${orgId}/houses`, { query, signal });
}

export function getRegister(houseId: string, signal?: AbortSignal) {
  return apiRequest<Register>(`/api/v1/houses/${houseId}/register`, { signal });
}

export function getPassport(houseId: string, signal?: AbortSignal) {
  return apiRequest<Passport>(`/api/v1/houses/${houseId}/passport`, { signal });
}

export function getPremiseCard(premiseId: string, signal?: AbortSignal) {
  return apiRequest<PremiseCard>(`/api/v1/premises/${premiseId}/register-card`, { signal });
}

export function editPremise(premiseId: string, patch: Record<string, unknown>) {
  return apiRequest<PremiseCard>(`/api/v1/premises/${premiseId}`, { method: 'PATCH', body: patch });
}

export function changeOwnership(premiseId: string, change: OwnershipChange) {
  return apiRequest<PremiseCard>(`/api/v1/premises/${premiseId}/ownership-changes`, {
    method: 'POST',
    body: change,
  });
}

export function listContracts(houseId: string, signal?: AbortSignal) {
  return apiRequest<{ items: Contract[] }>(`/api/v1/houses/${houseId}/management-contracts`, {
    signal,
  });
}

export function createContract(
  houseId: string,
  body: {
    organisationId: string;
    number?: string;
    signedOn?: string;
    startedOn: string;
    endedOn?: string;
  },
) {
  return apiRequest<Contract>(`/api/v1/houses/${houseId}/management-contracts`, {
    method: 'POST',
    body,
  });
}

export function endContract(
  houseId: string,
  id: string,
  body: { endedOn: string; reason: string },
) {
  return apiRequest<Contract>(`/api/v1/houses/${houseId}/management-contracts/${id}/end`, {
    method: 'POST',
    body,
  });
}

export function listAccounts(
  orgId: string,
  query: { q?: string; status?: string; houseId?: string; page?: number; limit?: number },
  signal?: AbortSignal,
) {
  return apiRequest<Page<Account>>(`/api/v1/organisations/${orgId}/personal-accounts`, {
    query,
    signal,
  });
}

export function getAccount(ref: string, signal?: AbortSignal) {
  return apiRequest<AccountDetail>(`/api/v1/personal-accounts/${encodeURIComponent(ref)}`, {
    signal,
  });
}

export function openAccount(body: {
  premiseId: string;
  payerPersonId?: string;
  payerOrganisationId?: string;
  openedOn: string;
  localNumber?: string;
}) {
  return apiRequest<AccountDetail>('/api/v1/personal-accounts', { method: 'POST', body });
}

export function closeAccount(ref: string, body: { closedOn: string; reason: string }) {
  return apiRequest<AccountDetail>(`/api/v1/personal-accounts/${encodeURIComponent(ref)}/close`, {
    method: 'POST',
    body,
  });
}
