import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { VERSION } from '../../version.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), latencyMs: z.number() }),
  version: z.string(),
  uptimeSeconds: z.number(),
});

/** `GET /api/health`: answers ok only when the database answers a query. */
export function healthRoutes(api: FastifyInstance, ctx: AppContext) {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: HealthSchema },
      },
    },
    async () => {
      const started = performance.now();

      try {
        await ctx.db.query('SELECT 1');
      } catch (cause) {
        throw new AppError('database_unavailable', { cause });
      }

      return {
        status: 'ok' as const,
        database: {
          kind: ctx.db.kind,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
        version: VERSION,
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  );
}
