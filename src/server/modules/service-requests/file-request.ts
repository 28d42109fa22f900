import { localDateOf } from '../../../domain/calendar/zoned-time.js';
import { evaluateAnswers } from '../../../domain/service-requests/assistant.js';
import type { Priority, RequesterStatus } from '../../../domain/service-requests/categories.js';
import { computeDeadlines, parseTermOverride } from '../../../domain/service-requests/deadlines.js';
import { recognizeEmergency } from '../../../domain/service-requests/emergency.js';
import { descriptionKey, judgeIntake } from '../../../domain/service-requests/intake.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { authorize } from '../access/authorize.js';
import { scriptFor } from './assistant.service.js';
import { notifyUsers, staffWithRoles } from './notices.js';
import { presentFor, type Acting } from './request-access.js';
import {
  findHouse,
  findPremiseLink,
  findRequest,
  isOfHouse,
  recordEvent,
} from './service-requests.repo.js';
import type { CreateRequestInput } from './service-requests.schema.js';

const PRIORITY_WORDS: Record<Priority, string> = {
  emergency: 'АВАРИЙНАЯ',
  urgent: 'срочная',
  normal: 'обычная',
};

/**
 * Files a request: checks who may file it about what, replays the assistant's answers and reads
 * the description for emergencies, applies the duplicate and daily-limit guards (C24), computes
 * the regulated deadlines in the house's zone (C21), then stores it with its photos, history and
 * notices in one transaction. A refused request stores nothing.
 */
export async function fileRequest(
  ctx: AppContext,
  acting: Acting,
  input: CreateRequestInput,
  now = new Date(),
) {
  await authorize(ctx, acting.user, 'service_request.file');

  const me = acting.user!;
  const house = await findHouse(ctx.db, input.houseId);

  if (!house) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'houseId', rule: 'exists', message: 'no such house' }],
    });
  }

  const requester = await requesterStatusOf(ctx.db, me, input, house.id);

  if (!house.managingOrganisationId) {
    throw new AppError('service_request_no_organisation');
  }

  const organisationId = house.managingOrganisationId;
  const { script } = await scriptFor(ctx.db, organisationId, input.category);
  const outcome = evaluateAnswers(script, input.answers);
  const reasons = [
    ...new Set([
      ...outcome.emergency,
      ...recognizeEmergency(input.description, { frost: outcome.frost }),
    ]),
  ];
  const priority: Priority =
    reasons.length > 0 ? 'emergency' : outcome.blockage ? 'urgent' : 'normal';
  const key = descriptionKey(input.description);

  await guardIntake(ctx, {
    personId: me.personId,
    organisationId,
    key,
    timeZone: house.timeZone,
    now,
  });
  await checkPhotos(ctx.db, me.id, input.photoIds);

  const repairTerm = await repairTermOf(ctx.db, organisationId);
  const deadlines = computeDeadlines({
    receivedAt: now,
    timeZone: house.timeZone,
    kind: input.kind,
    priority,
    blockage: outcome.blockage,
    requester,
    repairTerm,
  });

  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; number: number }>(
      `INSERT INTO service_requests (organisation_id, house_id, premise_id, location,
         requester_user_id, requester_person_id, requester_status, category, kind, priority,
         blockage, emergency_reasons, description, description_key, assistant_transcript,
         preferred_visit, contact_phone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15::jsonb,
         $16, $17, $18, $18)
       RETURNING id, number`,
      [
        organisationId,
        house.id,
        input.location === 'premise' ? input.premiseId : null,
        input.location,
        me.id,
        me.personId,
        requester,
        input.category,
        input.kind,
        priority,
        outcome.blockage,
        JSON.stringify(reasons),
        input.description,
        key,
        JSON.stringify(outcome.transcript),
        input.preferredVisit ?? null,
        input.contactPhone ?? null,
        now,
      ],
    );
    const requestId = row!.id;

    for (const deadline of deadlines) {
      await tx.query(
        `INSERT INTO service_request_deadlines (request_id, kind, due_at, rule_id)
         VALUES ($1, $2, $3, $4)`,
        [requestId, deadline.kind, deadline.dueAt, deadline.ruleId],
      );
    }

    if (input.photoIds.length > 0) {
      await tx.query(
        `UPDATE service_request_photos SET request_id = $1
         WHERE file_id = ANY($2::uuid[]) AND added_by = $3 AND request_id IS NULL`,
        [requestId, input.photoIds, me.id],
      );
    }

    await recordEvent(tx, { requestId, actorUserId: me.id, action: 'filed', toStatus: 'new' });
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'service_request.filed',
      objectType: 'service_request',
      objectId: requestId,
      requestId: acting.requestId,
      after: {
        houseId: house.id,
        premiseId: input.premiseId ?? null,
        category: input.category,
        kind: input.kind,
        priority,
        emergencyReasons: reasons,
        deadlines: deadlines.map((d) => ({ kind: d.kind, ruleId: d.ruleId })),
        photos: input.photoIds.length,
      },
    });

    const dispatch = await staffWithRoles(tx, organisationId, ['dispatcher', 'organisation_admin']);

    await notifyUsers(tx, dispatch, {
      subject: `Заявка ${row!.number} (${PRIORITY_WORDS[priority]}): ${house.address}`,
      body: `${input.description}\n\nСрок ответа: ${deadlines[0]!.dueAt.toISOString()}`,
      metadata: { kind: 'service_request', requestId, priority },
    });
    await notifyUsers(tx, [me.id], {
      subject: `Заявка ${row!.number} принята к регистрации`,
      body:
        priority === 'emergency'
          ? 'Аварийная заявка передана диспетчеру. Следуйте инструкции на экране заявки.'
          : `Заявка зарегистрирована. Ответ не позднее ${deadlines[0]!.dueAt.toISOString()}.`,
      metadata: { kind: 'service_request', requestId },
    });

    return requestId;
  });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  const row = await findRequest(ctx.db, id);

  return { ...(await presentFor(ctx, ctx.db, row!, 'requester', now)), selfHelp: outcome.selfHelp };
}

/**
 * A request about a premise needs a current link to it; a common-area request may come from
 * anybody, but only people of the house get the owners' 10-working-day term (C21).
 */
async function requesterStatusOf(
  db: Queryable,
  me: { id: string; personId: string },
  input: CreateRequestInput,
  houseId: string,
): Promise<RequesterStatus> {
  if (input.location === 'premise') {
    if (!input.premiseId) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'premiseId', rule: 'required', message: 'name the premise' }],
      });
    }

    const link = await findPremiseLink(db, me.id, me.personId, input.premiseId);

    if (!link || link.houseId !== houseId || !link.linked) {
      throw new AppError('service_request_premise_unlinked');
    }

    return 'owner_or_user';
  }

  if (input.premiseId) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'premiseId', rule: 'absent', message: 'a common area has no premise' }],
    });
  }

  return (await isOfHouse(db, me.personId, houseId)) ? 'owner_or_user' : 'other';
}

async function guardIntake(
  ctx: AppContext,
  job: { personId: string; organisationId: string; key: string; timeZone: string; now: Date },
) {
  const today = localDateOf(job.now, job.timeZone);
  const same = await ctx.db.query<{ id: string; createdAt: Date }>(
    `SELECT id, created_at AS "createdAt" FROM service_requests
     WHERE requester_person_id = $1 AND organisation_id = $2 AND description_key = $3
       AND (created_at AT TIME ZONE $4)::date = $5::date
     ORDER BY created_at DESC`,
    [job.personId, job.organisationId, job.key, job.timeZone, today],
  );
  const [waiver] = await ctx.db.query(
    `SELECT 1 FROM service_request_limit_waivers
     WHERE organisation_id = $1 AND person_id = $2 AND until >= $3::date`,
    [job.organisationId, job.personId, today],
  );
  const verdict = judgeIntake(
    same.map((s) => ({ id: s.id, createdAt: new Date(s.createdAt) })),
    job.now,
    { dailyLimit: ctx.config.serviceRequests.dailySameLimit, lifted: Boolean(waiver) },
  );

  if (!verdict.ok && verdict.reason === 'duplicate') {
    throw new AppError('service_request_duplicate', {
      extra: { existingId: verdict.existingId },
      errors: [{ field: 'description', rule: 'duplicate', message: 'sent a few minutes ago' }],
    });
  }

  if (!verdict.ok && verdict.reason === 'daily_limit') {
    throw new AppError('service_request_daily_limit', {
      detail: {
        ru: `Сегодня вы уже отправили ${verdict.limit} одинаковые заявки в эту организацию. Дождитесь ответа по ним или напишите в комментарии к уже поданной.`,
        en: `You have already sent ${verdict.limit} identical requests to this organisation today. Wait for their answer or comment on one of them.`,
      },
      extra: { limit: verdict.limit },
    });
  }
}

async function checkPhotos(db: Queryable, userId: string, photoIds: string[]) {
  if (photoIds.length === 0) {
    return;
  }

  const rows = await db.query<{ fileId: string }>(
    `SELECT file_id AS "fileId" FROM service_request_photos
     WHERE file_id = ANY($1::uuid[]) AND added_by = $2 AND request_id IS NULL`,
    [photoIds, userId],
  );

  if (rows.length !== new Set(photoIds).size) {
    throw new AppError('service_request_photo_unavailable', {
      errors: [{ field: 'photoIds', rule: 'own_upload', message: 'upload the photo again' }],
    });
  }
}

export async function repairTermOf(db: Queryable, organisationId: string) {
  const [row] = await db.query<{ repairTerm: string | null }>(
    'SELECT repair_term AS "repairTerm" FROM service_request_settings WHERE organisation_id = $1',
    [organisationId],
  );
  const parsed = row?.repairTerm ? parseTermOverride(row.repairTerm) : null;

  return parsed?.ok ? parsed.term : null;
}
