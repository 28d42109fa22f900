import type { AuditRow } from './audit.repo.js';
import type { AuditEntry } from './audit.schema.js';

/** A journal row as the API shows it: the chain fields a reader may re-hash, plus the actor. */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    onBehalfOfPersonId: row.onBehalfOfPersonId,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    requestId: row.requestId,
    beforeDigest: row.beforeDigest,
    afterDigest: row.afterDigest,
    redactedChanges: row.redactedChanges,
    personalDataAccess: row.personalDataAccess,
    hash: row.hash,
  };
}
