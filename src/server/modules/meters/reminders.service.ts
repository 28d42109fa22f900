import { dayIn, periodOf } from '../../../domain/meters/periods.js';
import { daysUntil } from '../../../domain/meters/verification.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/in-transaction.js';
import type { JobQueue } from '../../platform/jobs/job-types.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { authorize } from '../access/authorize.js';
import { actor, type Acting } from '../house-register/acting.js';
import { findNoticeEmail } from '../property-claims/claim-premises.repo.js';
import { REMINDER_KINDS } from './meters.schema.js';
import {
  claimReminder,
  findDueMeters,
  findHousesWithMeters,
  findOptOuts,
  findRecipients,
  setOptOut,
} from './reminders.repo.js';
import { findSettings } from './settings.repo.js';

declare module '../../platform/jobs/job-types.js' {
  interface JobPayloads {
    'meter-reminders': Record<string, never>;
  }
}

const JOB = 'meter-reminders';
const VERIFICATION_NOTICE_DAYS = 30;

const ru = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

async function send(
  tx: Queryable,
  userId: string,
  text: { subject: string; body: string },
  metadata: Record<string, unknown>,
) {
  await enqueueMessage(tx, { channel: 'in_app', recipient: userId, ...text, metadata });

  const email = await findNoticeEmail(tx, userId);

  if (email) {
    await enqueueMessage(tx, { channel: 'email', recipient: email, ...text, metadata });
  }
}

/**
 * One pass of the reminders, for every house in its own time zone: the window opens today; it
 * closes tomorrow and a meter of the premise has no reading yet; a verification runs out within
 * 30 days. Each person gets each reminder once (claimed in `meter_reminders_sent`), unless they
 * turned that kind off.
 */
export async function sweepMeterReminders(db: Queryable): Promise<{ sent: number }> {
  let sent = 0;

  for (const house of await findHousesWithMeters(db)) {
    const settings = await findSettings(db, house.managerId);
    const period = periodOf(house.today);
    const opensOn = dayIn(period, settings.startDay);
    const closesOn = dayIn(period, settings.endDay);

    await inTransaction(db, async (tx) => {
      if (house.today === opensOn) {
        for (const r of await findRecipients(tx, house.id, 'window_open')) {
          if (await claimReminder(tx, r.personId, 'window_open', period)) {
            await send(
              tx,
              r.userId,
              {
                subject: 'Приём показаний счётчиков открыт',
                body: `Передайте показания счётчиков квартиры ${r.number} (${house.address}) до ${ru(closesOn)} включительно.`,
              },
              { kind: 'meter_reminder', reminder: 'window_open', period, premiseId: r.premiseId },
            );
            sent += 1;
          }
        }
      }

      if (daysUntil(closesOn, house.today) === 1) {
        for (const r of await findRecipients(tx, house.id, 'window_closing', period)) {
          if (await claimReminder(tx, r.personId, 'window_closing', period)) {
            await send(
              tx,
              r.userId,
              {
                subject: 'Завтра последний день приёма показаний',
                body: `Показания по квартире ${r.number} (${house.address}) ещё не переданы. Последний день — ${ru(closesOn)}; позже они будут учтены в следующем месяце.`,
              },
              {
                kind: 'meter_reminder',
                reminder: 'window_closing',
                period,
                premiseId: r.premiseId,
              },
            );
            sent += 1;
          }
        }
      }

      for (const m of await findDueMeters(tx, house.id, house.today, VERIFICATION_NOTICE_DAYS)) {
        if (await claimReminder(tx, m.personId, 'verification_due', `${m.meterId}:${m.dueOn}`)) {
          await send(
            tx,
            m.userId,
            {
              subject: 'Скоро истекает срок поверки счётчика',
              body: `Срок поверки прибора № ${m.serialNumber} (квартира ${m.number}) истекает ${ru(m.dueOn)}. После этой даты показания не принимаются к расчёту: закажите поверку или замену.`,
            },
            { kind: 'meter_reminder', reminder: 'verification_due', meterId: m.meterId },
          );
          sent += 1;
        }
      }
    });
  }

  return { sent };
}

/** Runs the sweep hourly in a worker process: each house's day begins in its own time zone. */
export async function registerMeterReminderJobs(ctx: AppContext, jobs: JobQueue) {
  await jobs.defineQueue(JOB, { policy: 'stately', retryLimit: 1, expireInSeconds: 900 });
  await jobs.work(JOB, async () => {
    const report = await sweepMeterReminders(ctx.db);

    if (report.sent > 0) {
      ctx.logger.info({ module: 'meters', ...report }, 'meter reminders queued');
      await requestOutboxDelivery(jobs).catch(() => undefined);
    }
  });
  await jobs.schedule(JOB, '7 * * * *', {});
}

export async function getReminderPreferences(ctx: AppContext, acting: Acting) {
  await authorize(ctx, acting.user, 'profile.read');

  const off = await findOptOuts(ctx.db, actor(acting).personId);

  return { reminders: REMINDER_KINDS.map((kind) => ({ kind, enabled: !off.includes(kind) })) };
}

export async function putReminderPreferences(
  ctx: AppContext,
  acting: Acting,
  body: { reminders: { kind: (typeof REMINDER_KINDS)[number]; enabled: boolean }[] },
) {
  await authorize(ctx, acting.user, 'profile.read');

  await ctx.db.transaction(async (tx) => {
    for (const r of body.reminders) {
      await setOptOut(tx, actor(acting).personId, r.kind, !r.enabled);
    }
  });

  return getReminderPreferences(ctx, acting);
}
