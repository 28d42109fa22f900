import type { Queryable } from '../db/database.js';
import type { JobQueue } from '../jobs/job-types.js';
import type { Logger } from '../logger.js';
import { deliverPending, type DeliveryOptions } from './outbox.service.js';
import type { Transports } from './outbox.transports.js';

const DELIVER = 'outbox-deliver';

/**
 * Wires outbox delivery onto the job queue in a worker process: a `outbox-deliver` job runs
 * `deliverPending`, a cron sweep queues one every minute (retries come due without anyone asking),
 * and `requestOutboxDelivery` queues one right after a commit for prompt delivery. The queue is
 * `stately`: however many requests arrive, at most one delivery waits and one runs.
 */
export async function registerOutboxJobs(
  queue: JobQueue,
  ctx: { db: Queryable; logger: Logger },
  transports: Transports,
  options: DeliveryOptions = {},
): Promise<void> {
  await queue.defineQueue(DELIVER, { policy: 'stately', retryLimit: 0, expireInSeconds: 600 });

  await queue.work(DELIVER, async () => {
    const report = await deliverPending(ctx, transports, options);

    if (report.sent + report.retrying + report.failed > 0) {
      ctx.logger.info({ ...report }, 'outbox delivered');
    }
  });

  await queue.schedule(DELIVER, '* * * * *', { reason: 'sweep' });
}

/**
 * Asks for delivery soon. Call it after the transaction that enqueued messages has committed
 * (before, the worker might not see them yet and they would wait for the next sweep).
 */
export async function requestOutboxDelivery(queue: JobQueue): Promise<void> {
  await queue.send(DELIVER, { reason: 'enqueued' });
}
