import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppContext } from '../../platform/context.js';
import { requestLocale } from '../../platform/http/problem-handler.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.accounts.js';

const DemoSchema = z
  .object({
    enabled: z.boolean(),
    accounts: z.array(
      z.object({
        login: z.string(),
        password: z.string(),
        audience: z.enum(['owner', 'organisation', 'authority', 'platform']),
        description: z.string(),
      }),
    ),
  })
  .meta({ id: 'DemoInfo' });

/** `GET /api/v1/demo`: whether this is a demo installation and its public sign-ins. */
export function demoRoutes(api: FastifyInstance, ctx: AppContext) {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/v1/demo',
    {
      schema: {
        tags: ['platform'],
        summary: 'Demo mode and the demo sign-ins (empty when the demo is off)',
        querystring: z.object({ lang: z.enum(['ru', 'en']).optional() }),
        response: { 200: DemoSchema },
      },
    },
    async (request) => {
      if (!ctx.config.demo) {
        return { enabled: false, accounts: [] };
      }

      const lang = requestLocale(request);

      return {
        enabled: true,
        accounts: DEMO_ACCOUNTS.map((a) => ({
          login: a.login,
          password: DEMO_PASSWORD,
          audience: a.audience,
          description: a.description[lang],
        })),
      };
    },
  );
}
