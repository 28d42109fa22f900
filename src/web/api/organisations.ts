import { apiRequest } from './client.js';
import type { OrganisationDetail } from './types.js';

export function getOrganisation(id: string, signal?: AbortSignal) {
  return apiRequest<OrganisationDetail>(`/api/v1/organisations/${encodeURIComponent(id)}`, {
    signal,
  });
}
