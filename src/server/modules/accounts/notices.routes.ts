import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { normalizeEmail, normalizeRussianPhone } from '../../../domain/contacts/phone.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { pageOf, PageQuerySchema } from '../../platform/http/pagination.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { listMessages } from '../../platform/outbox/outbox.service.js';
import { requireUser } from '../identity/session-guard.js';
import { deleteCounters } from './otp.repo.js';

const OPERATOR_ROLES = new Set(['identity_operator', 'platform_admin']);

function requireOperator(request: FastifyRequest) {
  const user = requireUser(request);

  if (!OPERATOR_ROLES.has(user.platformRole)) {
    throw new AppError('forbidden');
  }

  return user;
}

const NotificationSchema = z
  .object({
    id: z.uuid(),
    subject: z.string().nullable(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });

const OutboxItemSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(['email', 'sms', 'in_app']),
    recipient: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxMessage' });

const CounterQuerySchema = z
  .object({
    phone: z.string().trim().max(32).optional(),
    email: z.string().trim().max(254).optional(),
    ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  })
  .refine((q) => [q.phone, q.email, q.ip].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of phone, email, ip',
    path: ['phone'],
  });

/**
 * In-app notifications of the signed-in person, the demo outbox for operators (so codes can be
 * read without a phone), and the operators' reset of one-time-code counters.
 */
export async function noticesRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/notifications',
    {
      schema: {
        tags: ['accounts'],
        summary: 'In-app notifications addressed to the signed-in person, newest first',
        querystring: PageQuerySchema,
        response: { 200: pageOf(NotificationSchema), 401: ProblemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const page = await listMessages(ctx.db, {
        channel: 'in_app',
        recipient: user.id,
        page: request.query.page,
        limit: request.query.limit,
      });

      return {
        ...page,
        items: page.items.map((m) => ({
          id: m.id,
          subject: m.subject,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );

  routes.get(
    '/v1/outbox-messages',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Demo only: the latest outgoing messages, for the identity operator',
        querystring: z.object({
          recipient: z.string().trim().min(1).max(320).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: pageOf(OutboxItemSchema),
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      // Outside the demo the outbox holds real people's codes: the endpoint does not exist.
      if (!ctx.config.demo) {
        throw new AppError('route_not_found');
      }

      requireOperator(request);

      const recipient = request.query.recipient;
      const normalized = recipient
        ? (normalizeRussianPhone(recipient) ?? normalizeEmail(recipient) ?? recipient)
        : undefined;
      const page = await listMessages(ctx.db, {
        ...(normalized ? { recipient: normalized } : {}),
        limit: request.query.limit,
      });

      return {
        ...page,
        items: page.items.map((m) => ({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );

  routes.delete(
    '/v1/otp-counters',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Reset the one-time-code counters of a phone, e-mail address or IP (journaled)',
        querystring: CounterQuerySchema,
        response: {
          200: z.object({
            scope: z.enum(['phone', 'email', 'ip']),
            key: z.string(),
            removed: z.number().int(),
          }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      const operator = requireOperator(request);
      const { phone, email, ip } = request.query;
      const scope: 'phone' | 'email' | 'ip' =
        phone !== undefined ? 'phone' : email !== undefined ? 'email' : 'ip';
      const key =
        scope === 'phone'
          ? normalizeRussianPhone(phone!)
          : scope === 'email'
            ? normalizeEmail(email!)
            : ip!;

      if (!key) {
        throw new AppError('validation_failed', {
          errors: [
            { field: `querystring.${scope}`, rule: 'format', message: `not a valid ${scope}` },
          ],
        });
      }

      const removed = await ctx.db.transaction(async (tx) => {
        const rows = await deleteCounters(tx, scope, key);

        await recordAudit(tx, {
          actorUserId: operator.id,
          requestId: request.id,
          action: 'otp.counters_reset',
          objectType: 'otp_counter',
          // The key is personal data: the journal keeps it only redacted, inside `before`.
          objectId: scope,
          before: { scope, key, days: rows },
          after: null,
        });

        return rows.length;
      });

      return { scope, key, removed };
    },
  );
}
