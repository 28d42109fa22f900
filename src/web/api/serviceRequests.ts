import { apiRequest } from './client.js';
import type { Page } from './types.js';

/** Service requests, dispatch, planned works and analytics (issue 7). */

export type Text = { ru: string; en: string };
export type Category =
  | 'plumbing'
  | 'heating'
  | 'electricity'
  | 'lift'
  | 'roof'
  | 'cleaning'
  | 'yard'
  | 'intercom'
  | 'other';
export const CATEGORIES: Category[] = [
  'plumbing',
  'heating',
  'electricity',
  'lift',
  'roof',
  'cleaning',
  'yard',
  'intercom',
  'other',
];
export type RequestStatus =
  'new' | 'accepted' | 'in_progress' | 'waiting_resident' | 'done' | 'rejected' | 'reopened';

export type Deadline = {
  kind: 'response' | 'localisation' | 'resolution';
  dueAt: string;
  ruleId: string;
  rule: string;
  metAt: string | null;
  overdue: boolean;
  remainingMs: number;
};

export type ServiceRequest = {
  id: string;
  number: number;
  organisation: { id: string; name: string };
  house: { id: string; address: string; timeZone: string };
  premise: { id: string; number: string } | null;
  location: 'premise' | 'common_area';
  category: Category;
  kind: string;
  priority: 'emergency' | 'urgent' | 'normal';
  blockage: string | null;
  emergencyReasons: string[];
  emergencyInstructions: Text[];
  description: string;
  transcript: { question: Text; answer: Text }[];
  preferredVisit: string | null;
  contactPhone: string | null;
  status: RequestStatus;
  requester: { id: string; displayName: string } | null;
  executor: { id: string; displayName: string } | null;
  incident: { id: string; title: string } | null;
  deadlines: Deadline[];
  overdue: boolean;
  escalatedAt: string | null;
  photos: { id: string; width: number; height: number }[];
  rating: number | null;
  feedback: string | null;
  rejectionReason: string | null;
  completedAt: string | null;
  followers: number;
  actions: string[];
  viewer: 'requester' | 'follower' | 'dispatch' | 'executor';
  createdAt: string;
  updatedAt: string;
};

export type RequestDetail = ServiceRequest & {
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    actor: string | null;
    createdAt: string;
  }[];
  comments: {
    id: string;
    body: string;
    visibility: 'public' | 'internal';
    author: string;
    fromOrganisation: boolean;
    createdAt: string;
  }[];
};

export type AssistantOption = {
  id: string;
  label: Text;
  emergency?: string;
  blockage?: string;
  frost?: boolean;
  selfHelp?: Text;
  next?: string;
};
export type AssistantScript = {
  category: Category;
  intro: Text;
  questions: { id: string; text: Text; options: AssistantOption[] }[];
  custom: boolean;
  emergencyInstructions: Record<string, Text>;
};

export type Similar = {
  id: string;
  number: number;
  category: Category;
  status: RequestStatus;
  description: string;
  createdAt: string;
  followers: number;
  joined: boolean;
};

export type Photo = {
  id: string;
  width: number;
  height: number;
  sizeBytes: number;
  mimeType: string;
  converted: boolean;
};

export type PlannedWork = {
  id: string;
  house: { id: string; address: string };
  organisation: { id: string; name: string };
  kind: 'maintenance' | 'current_repair';
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  status: 'planned' | 'done' | 'cancelled';
  notifiedAt: string | null;
  completedAt: string | null;
  resultNote: string | null;
};

export type Analytics = {
  organisation: { id: string; name: string };
  total: number;
  byCategory: { category: string; count: number }[];
  byHouse: { houseId: string; address: string; count: number }[];
  medianFirstResponseMinutes: number | null;
  medianCompletionHours: number | null;
  completedInTimeShare: number | null;
  averageRating: number | null;
  byMonth: { month: string; filed: number; completed: number; completedInTime: number }[];
};

export type Executor = {
  userId: string;
  displayName: string;
  roles: string[];
  openRequests: number;
};

export type NewRequest = {
  houseId: string;
  premiseId: string | null;
  location: 'premise' | 'common_area';
  category: Category;
  description: string;
  answers: Record<string, string>;
  photoIds: string[];
  preferredVisit?: string | null;
  contactPhone?: string | null;
};

const base = '/api/v1/service-requests';
const orgBase = (orgId: string) => `/api/v1/organisations/${encodeURIComponent(orgId)}`;

export const getAssistant = (category: Category, houseId: string, signal?: AbortSignal) =>
  apiRequest<AssistantScript>(`${base}/assistant/${category}`, { query: { houseId }, signal });
export const getSimilar = (houseId: string, category: Category, signal?: AbortSignal) =>
  apiRequest<Similar[]>(`${base}/similar`, { query: { houseId, category }, signal });
export const fileRequest = (input: NewRequest) =>
  apiRequest<ServiceRequest & { selfHelp: Text[] }>(base, { method: 'POST', body: input });
export const listMyRequests = (page: number, signal?: AbortSignal) =>
  apiRequest<Page<ServiceRequest>>(`${base}/mine`, { query: { page, limit: 20 }, signal });
export const getRequest = (id: string, signal?: AbortSignal) =>
  apiRequest<RequestDetail>(`${base}/${encodeURIComponent(id)}`, { signal });
export const changeStatus = (id: string, action: string, reason?: string) =>
  apiRequest<ServiceRequest>(`${base}/${encodeURIComponent(id)}/status`, {
    method: 'POST',
    body: { action, reason: reason || null },
  });
export const assign = (id: string, executorUserId: string) =>
  apiRequest<ServiceRequest>(`${base}/${encodeURIComponent(id)}/assignment`, {
    method: 'POST',
    body: { executorUserId },
  });
export const comment = (id: string, body: string, visibility: 'public' | 'internal') =>
  apiRequest<ServiceRequest>(`${base}/${encodeURIComponent(id)}/comments`, {
    method: 'POST',
    body: { body, visibility },
  });
export const rate = (id: string, rating: number, feedback: string) =>
  apiRequest<ServiceRequest>(`${base}/${encodeURIComponent(id)}/rating`, {
    method: 'POST',
    body: { rating, feedback: feedback || null },
  });
export const joinRequest = (id: string) =>
  apiRequest<ServiceRequest>(`${base}/${encodeURIComponent(id)}/join`, { method: 'POST' });
export const photoUrl = (id: string, fileId: string) =>
  `${base}/${encodeURIComponent(id)}/photos/${encodeURIComponent(fileId)}`;

export function uploadPhoto(file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<Photo>(`${base}/photos`, { method: 'POST', body: form });
}

export const listMyWorks = (signal?: AbortSignal) =>
  apiRequest<PlannedWork[]>(`${base}/planned-works`, { signal });

export const listQueue = (
  orgId: string,
  query: { status: string; category?: string; overdue?: boolean; mine?: boolean; page: number },
  signal?: AbortSignal,
) =>
  apiRequest<Page<ServiceRequest>>(`${orgBase(orgId)}/service-requests`, {
    query: { ...query, limit: 25 },
    signal,
  });
export const listExecutors = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Executor[]>(`${orgBase(orgId)}/service-requests/executors`, { signal });
export const sweepDeadlines = (orgId: string) =>
  apiRequest<{ reminded: number; escalated: number }>(
    `${orgBase(orgId)}/service-requests/deadline-sweep`,
    { method: 'POST' },
  );
export const listScripts = (orgId: string, signal?: AbortSignal) =>
  apiRequest<AssistantScript[]>(`${orgBase(orgId)}/service-requests/assistant`, { signal });
export const saveScript = (orgId: string, category: Category, body: unknown) =>
  apiRequest<AssistantScript>(`${orgBase(orgId)}/service-requests/assistant/${category}`, {
    method: 'PUT',
    body,
  });
export const listWorks = (
  orgId: string,
  query: { from?: string; to?: string },
  signal?: AbortSignal,
) => apiRequest<PlannedWork[]>(`${orgBase(orgId)}/planned-works`, { query, signal });
export const planWork = (orgId: string, body: unknown) =>
  apiRequest<PlannedWork>(`${orgBase(orgId)}/planned-works`, { method: 'POST', body });
export const completeWork = (orgId: string, id: string, resultNote: string) =>
  apiRequest<PlannedWork>(`${orgBase(orgId)}/planned-works/${encodeURIComponent(id)}/completion`, {
    method: 'POST',
    body: { resultNote },
  });
export const actUrl = (orgId: string, id: string) =>
  `${orgBase(orgId)}/planned-works/${encodeURIComponent(id)}/act`;
export const declareIncident = (orgId: string, body: unknown) =>
  apiRequest<unknown>(`${orgBase(orgId)}/service-incidents`, { method: 'POST', body });
export const getAnalytics = (orgId: string, months: number, signal?: AbortSignal) =>
  apiRequest<Analytics>(`${orgBase(orgId)}/service-requests/analytics`, {
    query: { months },
    signal,
  });
