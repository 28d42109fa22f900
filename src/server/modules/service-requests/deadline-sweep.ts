import { reminderAt } from '../../../domain/service-requests/deadlines.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-types.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { authorize } from '../access/authorize.js';
import { notifyUsers, staffWithRoles } from './notices.js';
import { recordEvent } from './service-requests.repo.js';
import type { Acting } from './request-access.js';

declare module '../../platform/jobs/job-types.js' {
  interface JobPayloads {
    /** Remind of deadlines coming due and escalate overdue requests (service requests). */
    'service-request-deadlines': { organisationId?: string };
  }
}

const JOB = 'service-request-deadlines';

const KIND_WORDS: Record<string, string> = {
  response: 'ответа',
  localisation: 'локализации аварии',
  resolution: 'выполнения',
};

type Due = {
  requestId: string;
  number: number;
  kind: string;
  dueAt: Date;
  createdAt: Date;
  organisationId: string;
  executorUserId: string | null;
  houseAddress: string;
  remindedAt: Date | null;
};

/**
 * One pass over the unmet deadlines as of `now`: a reminder to the executor and the dispatch
 * when a deadline comes near (once), and an escalation to the head of dispatch — the person set
 * in the organisation's settings, else its admins — once it has passed. Idempotent: a second
 * pass at the same moment changes nothing. The clock is a parameter so tests control it.
 */
export async function sweepDeadlines(
  db: Database,
  now: Date,
  filter: { organisationId?: string } = {},
): Promise<{ reminded: number; escalated: number }> {
  const due = await db.query<Due>(
    `SELECT d.request_id AS "requestId", r.number, d.kind, d.due_at AS "dueAt",
            r.created_at AS "createdAt", r.organisation_id AS "organisationId",
            r.executor_user_id AS "executorUserId", h.address AS "houseAddress",
            d.reminded_at AS "remindedAt"
     FROM service_request_deadlines d
     JOIN service_requests r ON r.id = d.request_id JOIN houses h ON h.id = r.house_id
     WHERE d.met_at IS NULL AND d.escalated_at IS NULL
       AND r.status IN ('new', 'accepted', 'in_progress', 'waiting_resident', 'reopened')
       AND d.due_at < $1::timestamptz + interval '1 day'
       AND ($2::uuid IS NULL OR r.organisation_id = $2::uuid)
     ORDER BY d.due_at`,
    [now, filter.organisationId ?? null],
  );
  let reminded = 0;
  let escalated = 0;

  for (const item of due) {
    const dueAt = new Date(item.dueAt);

    if (dueAt.getTime() <= now.getTime()) {
      await db.transaction(async (tx) => escalate(tx, item, now));
      escalated += 1;
      continue;
    }

    const at = reminderAt({ dueAt }, new Date(item.createdAt), new Date(item.createdAt));

    if (!item.remindedAt && at && at.getTime() <= now.getTime()) {
      await db.transaction(async (tx) => remind(tx, item, now));
      reminded += 1;
    }
  }

  return { reminded, escalated };
}

async function remind(tx: Queryable, item: Due, now: Date) {
  const claimed = await tx.query(
    `UPDATE service_request_deadlines SET reminded_at = $3
     WHERE request_id = $1 AND kind = $2 AND reminded_at IS NULL RETURNING 1`,
    [item.requestId, item.kind, now],
  );

  if (claimed.length === 0) {
    return;
  }

  const dispatch = await staffWithRoles(tx, item.organisationId, ['dispatcher']);

  await notifyUsers(tx, [...dispatch, ...(item.executorUserId ? [item.executorUserId] : [])], {
    subject: `Заявка ${item.number}: скоро истекает срок ${KIND_WORDS[item.kind] ?? item.kind}`,
    body: `${item.houseAddress}. Срок: ${new Date(item.dueAt).toISOString()}.`,
    metadata: { kind: 'service_request_reminder', requestId: item.requestId, deadline: item.kind },
  });
}

async function escalate(tx: Queryable, item: Due, now: Date) {
  const claimed = await tx.query(
    `UPDATE service_request_deadlines SET escalated_at = $3
     WHERE request_id = $1 AND kind = $2 AND escalated_at IS NULL RETURNING 1`,
    [item.requestId, item.kind, now],
  );

  if (claimed.length === 0) {
    return;
  }

  await tx.query(
    'UPDATE service_requests SET escalated_at = COALESCE(escalated_at, $2) WHERE id = $1',
    [item.requestId, now],
  );

  const [settings] = await tx.query<{ userId: string | null }>(
    `SELECT escalation_user_id AS "userId" FROM service_request_settings
     WHERE organisation_id = $1`,
    [item.organisationId],
  );
  const heads = settings?.userId
    ? [settings.userId]
    : await staffWithRoles(tx, item.organisationId, ['organisation_admin']);

  await notifyUsers(tx, heads, {
    subject: `Просрочена заявка ${item.number}: срок ${KIND_WORDS[item.kind] ?? item.kind}`,
    body: `${item.houseAddress}. Срок истёк ${new Date(item.dueAt).toISOString()}; заявка передана руководителю диспетчерской службы.`,
    metadata: {
      kind: 'service_request_escalation',
      requestId: item.requestId,
      deadline: item.kind,
    },
  });
  await recordEvent(tx, {
    requestId: item.requestId,
    actorUserId: null,
    action: 'escalate',
    note: item.kind,
  });
  await recordAudit(tx, {
    actorUserId: null,
    action: 'service_request.escalated',
    objectType: 'service_request',
    objectId: item.requestId,
    after: { deadline: item.kind, dueAt: new Date(item.dueAt).toISOString(), to: heads },
  });
}

/** The head of dispatch's «check deadlines now»: the same sweep, for one organisation. */
export async function sweepNow(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'service_request.dispatch', { organisationId: orgId });

  const report = await sweepDeadlines(ctx.db, new Date(), { organisationId: orgId });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  return report;
}

/** Runs the sweep every minute in a worker process. */
export async function registerDeadlineJobs(ctx: AppContext, jobs: JobQueue) {
  await jobs.defineQueue(JOB, { policy: 'stately', retryLimit: 0, expireInSeconds: 300 });
  await jobs.work(JOB, async (job) => {
    const report = await sweepDeadlines(ctx.db, new Date(), job.data);

    if (report.reminded + report.escalated > 0) {
      ctx.logger.info({ module: 'service-requests', ...report }, 'deadlines swept');
      await requestOutboxDelivery(jobs).catch(() => undefined);
    }
  });
  await jobs.schedule(JOB, '* * * * *', {});
}
