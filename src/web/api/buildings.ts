import { apiRequest } from './client.js';
import type { BuildingDetail, BuildingSummary, Page } from './types.js';

export type BuildingSearch = {
  q?: string;
  page?: number;
  limit?: number;
  organisationId?: string;
};

export function searchBuildings(search: BuildingSearch, signal?: AbortSignal) {
  return apiRequest<Page<BuildingSummary>>('/api/v1/buildings', { query: search, signal });
}

export function getBuilding(id: string, signal?: AbortSignal) {
  return apiRequest<BuildingDetail>(`/api/v1/buildings/${encodeURIComponent(id)}`, { signal });
}
