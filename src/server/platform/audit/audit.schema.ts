import { z } from 'zod';

import { PageQuerySchema } from '../http/pagination.js';

const Name = z.string().trim().min(1).max(100);

export const AuditListQuerySchema = PageQuerySchema.extend({
  actorUserId: z.uuid().optional().describe('Only what this user did'),
  action: Name.optional().describe("Exact action, e.g. 'session.started'"),
  objectType: Name.optional().describe("Exact object type, e.g. 'session'"),
  objectId: z.string().trim().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('At or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('Before this instant'),
}).refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
  message: '`from` must not be later than `to`',
  path: ['from'],
});

export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

const Change = z
  .object({
    field: z.string(),
    redacted: z.literal(true).optional().describe('Personal data: changed, value not kept'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'AuditChange' });

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int().describe('Position in the hash chain'),
    at: z.string().describe('ISO 8601 instant'),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    onBehalfOfPersonId: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    requestId: z.string().nullable(),
    beforeDigest: z.string().nullable().describe('SHA-256 of the full value before the change'),
    afterDigest: z.string().nullable().describe('SHA-256 of the full value after the change'),
    redactedChanges: z.array(Change),
    personalDataAccess: z.boolean(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('Entries checked and found linked'),
    firstBrokenSeq: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditVerification' });
