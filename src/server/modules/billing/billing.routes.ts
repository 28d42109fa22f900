import type { FastifyInstance } from 'fastify';

import type { AppContext } from '../../platform/context.js';
import { registerBillingJobs } from './billing.jobs.js';
import { billsRoutes } from './bills.routes.js';
import { paymentsRoutes } from './payments.routes.js';
import { runsRoutes } from './runs.routes.js';
import { sandboxRoutes } from './sandbox.routes.js';
import { tariffsRoutes } from './tariffs.routes.js';

/** The billing API: tariffs and runs, bills and the ledger, payments and registries. */
export async function billingRoutes(api: FastifyInstance, ctx: AppContext) {
  tariffsRoutes(api, ctx);
  runsRoutes(api, ctx);
  billsRoutes(api, ctx);
  sandboxRoutes(api, ctx);
  await paymentsRoutes(api, ctx);

  // The worker runs with the API in the embedded default; an API-only node leaves jobs to it.
  // The matrix test builds a second app on the same context: register the workers once.
  if (ctx.config.worker && !workersRegistered.has(ctx.jobs)) {
    workersRegistered.add(ctx.jobs);
    await registerBillingJobs(ctx);
  }
}

const workersRegistered = new WeakSet<object>();
