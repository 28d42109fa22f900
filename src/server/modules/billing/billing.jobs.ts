import type { AppContext } from '../../platform/context.js';
import { executeRun } from './run-engine.js';
import { renderEpdBatch } from './epd-batch.service.js';
import { deliverSandboxCallback } from './sandbox-acquirer.js';

declare module '../../platform/jobs/job-types.js' {
  interface JobPayloads {
    /** Compute a billing run of a house for a period. */
    'billing-run': { runId: string };
    /** Render every ЕПД of a house for a period into one PDF. */
    'billing-epd-batch': { batchId: string };
    /** The sandbox acquirer's asynchronous callback to the platform. */
    'sandbox-acquirer-callback': { paymentId: string };
  }
}

/** Billing's background work, registered in a worker process. */
export async function registerBillingJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.defineQueue('billing-run', { retryLimit: 0, expireInSeconds: 3_600 });
  await ctx.jobs.defineQueue('billing-epd-batch', { retryLimit: 0, expireInSeconds: 3_600 });
  await ctx.jobs.defineQueue('sandbox-acquirer-callback', {
    retryLimit: 5,
    retryDelaySeconds: 2,
    retryBackoff: true,
  });

  await ctx.jobs.work('billing-run', async (job) => executeRun(ctx, job.data.runId), {
    pollingIntervalSeconds: 1,
  });
  await ctx.jobs.work('billing-epd-batch', async (job) => renderEpdBatch(ctx, job.data.batchId), {
    pollingIntervalSeconds: 1,
  });
  await ctx.jobs.work(
    'sandbox-acquirer-callback',
    async (job) => deliverSandboxCallback(ctx, job.data.paymentId),
    { pollingIntervalSeconds: 1 },
  );
}
