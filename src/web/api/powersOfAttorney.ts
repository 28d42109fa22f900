import { apiRequest } from './client.js';

export type PowerOfAttorney = {
  id: string;
  premiseId: string;
  premiseLabel: string;
  principalName: string;
  representativeUserId: string;
  representativeName: string;
  validFrom: string;
  validUntil: string;
  documentReference: string | null;
  revokedAt: string | null;
  inForce: boolean;
};

export type PowersOfAttorney = { granted: PowerOfAttorney[]; received: PowerOfAttorney[] };

export type PowerOfAttorneyInput = {
  premiseId: string;
  representativeLogin: string;
  validFrom: string;
  validUntil?: string;
  documentReference?: string;
};

/** A premise the person may grant a power for: one they own. */
export type OwnedPremise = { id: string; label: string };

const BASE = '/api/v1/powers-of-attorney';

export function listPowers(signal?: AbortSignal) {
  return apiRequest<PowersOfAttorney>(BASE, { signal });
}

export function grantPower(input: PowerOfAttorneyInput) {
  return apiRequest<PowerOfAttorney>(BASE, { method: 'POST', body: input });
}

export function revokePower(id: string) {
  return apiRequest<PowerOfAttorney>(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

type MyPremisesReply = {
  premises: { id: string; number: string; house: { address: string }; relations: string[] }[];
};

export async function listOwnedPremises(signal?: AbortSignal): Promise<OwnedPremise[]> {
  const reply = await apiRequest<MyPremisesReply>('/api/v1/me/premises', { signal });

  return reply.premises
    .filter((premise) => premise.relations.includes('owner'))
    .map((premise) => ({ id: premise.id, label: `${premise.house.address}, ${premise.number}` }));
}
