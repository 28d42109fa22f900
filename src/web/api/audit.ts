import { apiRequest } from './client.js';
import type { Page } from './types.js';

export type AuditChange = { field: string; redacted?: true; before?: unknown; after?: unknown };

export type AuditEntry = {
  id: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  onBehalfOfPersonId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  redactedChanges: AuditChange[];
  personalDataAccess?: boolean;
  hash: string;
};

export type AuditQuery = {
  actorUserId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  page?: number;
  limit?: number;
};

export type AuditVerification = {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  reason: string | null;
};

export function listAuditEntries(query: AuditQuery, signal?: AbortSignal) {
  return apiRequest<Page<AuditEntry>>('/api/v1/audit-entries', { query, signal });
}

export function verifyAuditChain(signal?: AbortSignal) {
  return apiRequest<AuditVerification>('/api/v1/audit-entries/verification', { signal });
}
