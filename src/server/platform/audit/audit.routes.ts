import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../context.js';
import { pageOf } from '../http/pagination.js';
import { ProblemSchema } from '../http/problem-schema.js';
import { AuditEntrySchema, AuditListQuerySchema, AuditVerificationSchema } from './audit.schema.js';
import { listAuditEntries, verifyAuditChainFor } from './audit.service.js';

/**
 * Reading the audit journal. Reads are not journaled themselves: a journal of journal reads
 * would grow with every look at it and record nothing about anyone's data.
 */
export function auditRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/audit-entries',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Journal entries, newest first (admins, inspectors; an organisation admin: own staff)',
        querystring: AuditListQuerySchema,
        response: {
          200: pageOf(AuditEntrySchema),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => listAuditEntries(ctx.db, request.user, request.query),
  );

  routes.get(
    '/v1/audit-entries/verification',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain end to end and name the first broken entry',
        response: { 200: AuditVerificationSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => verifyAuditChainFor(ctx.db, request.user),
  );
}
