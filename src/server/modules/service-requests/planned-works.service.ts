import type { z } from 'zod';

import { addCalendarDays } from '../../../domain/calendar/production-calendar.js';
import { localDateOf } from '../../../domain/calendar/zoned-time.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf-document.js';
import { authorize } from '../access/authorize.js';
import { notifyUsers, residentsOfHouses } from './notices.js';
import type { Acting } from './request-access.js';
import type { PlannedWorkInputSchema, PlannedWorksQuerySchema } from './works.schema.js';

type WorkRow = {
  id: string;
  houseId: string;
  address: string;
  organisationId: string;
  organisationName: string;
  kind: 'maintenance' | 'current_repair';
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  status: 'planned' | 'done' | 'cancelled';
  notifiedAt: Date | null;
  completedAt: Date | null;
  resultNote: string | null;
  completedByName: string | null;
};

const SELECT = `
  SELECT w.id, w.house_id AS "houseId", h.address, w.organisation_id AS "organisationId",
         o.name AS "organisationName", w.kind, w.title, w.description,
         to_char(w.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(w.ends_on, 'YYYY-MM-DD') AS "endsOn",
         w.status, w.notified_at AS "notifiedAt", w.completed_at AS "completedAt",
         w.result_note AS "resultNote",
         concat_ws(' ', p.surname, p.name, p.patronymic) AS "completedByName"
  FROM planned_works w JOIN houses h ON h.id = w.house_id
  JOIN organisations o ON o.id = w.organisation_id
  LEFT JOIN users u ON u.id = w.completed_by LEFT JOIN persons p ON p.id = u.person_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function present(row: WorkRow) {
  return {
    id: row.id,
    house: { id: row.houseId, address: row.address },
    organisation: { id: row.organisationId, name: row.organisationName },
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    notifiedAt: iso(row.notifiedAt),
    completedAt: iso(row.completedAt),
    resultNote: row.resultNote,
  };
}

function period(query: z.infer<typeof PlannedWorksQuerySchema>) {
  const from = query.from ?? localDateOf(new Date(), 'Asia/Yekaterinburg');
  const to = query.to ?? addCalendarDays(from, 60);

  if (to < from || addCalendarDays(from, 366) < to) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'to', rule: 'range', message: 'from ≤ to, at most a year apart' }],
    });
  }

  return { from, to };
}

/** The organisation's calendar of planned works in the period. */
export async function listOrganisationWorks(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  query: z.infer<typeof PlannedWorksQuerySchema>,
) {
  await authorize(ctx, acting.user, 'service_request.execute', { organisationId: orgId });

  const { from, to } = period(query);
  const rows = await ctx.db.query<WorkRow>(
    `${SELECT} WHERE w.organisation_id = $1 AND w.ends_on >= $2::date AND w.starts_on <= $3::date
       AND ($4::uuid IS NULL OR w.house_id = $4::uuid)
     ORDER BY w.starts_on, h.address, w.id`,
    [orgId, from, to, query.houseId ?? null],
  );

  return rows.map(present);
}

/** Planned works of the houses where the person owns or lives, for the resident's calendar. */
export async function listMyWorks(
  ctx: AppContext,
  acting: Acting,
  query: z.infer<typeof PlannedWorksQuerySchema>,
) {
  await authorize(ctx, acting.user, 'service_request.file');

  const { from, to } = period(query);
  const rows = await ctx.db.query<WorkRow>(
    `${SELECT} WHERE w.status <> 'cancelled' AND w.ends_on >= $2::date AND w.starts_on <= $3::date
       AND w.house_id IN (
         SELECT p.house_id FROM premises p WHERE EXISTS (
           SELECT 1 FROM ownerships x WHERE x.premise_id = p.id AND x.person_id = $1
             AND (x.ended_on IS NULL OR x.ended_on >= CURRENT_DATE))
         OR EXISTS (SELECT 1 FROM residents s WHERE s.premise_id = p.id AND s.person_id = $1
             AND (s.deregistered_on IS NULL OR s.deregistered_on >= CURRENT_DATE)))
     ORDER BY w.starts_on, h.address, w.id`,
    [acting.user!.personId, from, to],
  );

  return rows.map(present);
}

async function findWork(db: Queryable, orgId: string, id: string) {
  const [row] = await db.query<WorkRow>(`${SELECT} WHERE w.id = $1 AND w.organisation_id = $2`, [
    id,
    orgId,
  ]);

  if (!row) {
    throw new AppError('not_found', { detail: { ru: 'Работа не найдена', en: 'No such work' } });
  }

  return row;
}

/** Plans a work on a managed house; its residents are told in advance, right away. */
export async function planWork(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  input: z.infer<typeof PlannedWorkInputSchema>,
) {
  await authorize(ctx, acting.user, 'service_request.dispatch', { organisationId: orgId });

  const [house] = await ctx.db.query<{ address: string; timeZone: string }>(
    `SELECT address, time_zone AS "timeZone" FROM houses
     WHERE id = $1 AND managing_organisation_id = $2`,
    [input.houseId, orgId],
  );

  if (!house) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'houseId', rule: 'managed', message: 'not a house you manage' }],
    });
  }

  if (input.startsOn < localDateOf(new Date(), house.timeZone)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'startsOn', rule: 'future', message: 'plans start today or later' }],
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO planned_works (organisation_id, house_id, kind, title, description, starts_on,
         ends_on, created_by, notified_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       RETURNING id`,
      [
        orgId,
        input.houseId,
        input.kind,
        input.title,
        input.description,
        input.startsOn,
        input.endsOn,
        acting.user!.id,
      ],
    );
    const dates =
      input.startsOn === input.endsOn ? input.startsOn : `${input.startsOn} — ${input.endsOn}`;

    await notifyUsers(tx, await residentsOfHouses(tx, [input.houseId]), {
      subject: `Плановые работы ${dates}: ${input.title}`,
      body: `${house.address}. ${input.description}`.trim(),
      metadata: { kind: 'planned_work', workId: row!.id },
    });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'planned_work.planned',
      objectType: 'planned_work',
      objectId: row!.id,
      requestId: acting.requestId,
      after: { houseId: input.houseId, startsOn: input.startsOn, endsOn: input.endsOn },
    });

    return row!.id;
  });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  return present(await findWork(ctx.db, orgId, id));
}

/** Marks a work done with what was done: the act of completed works can then be printed. */
export async function completeWork(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  id: string,
  resultNote: string,
) {
  await authorize(ctx, acting.user, 'service_request.execute', { organisationId: orgId });

  const work = await findWork(ctx.db, orgId, id);

  if (work.status !== 'planned') {
    throw new AppError('planned_work_closed');
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE planned_works SET status = 'done', completed_at = now(), completed_by = $2,
         result_note = $3 WHERE id = $1 AND status = 'planned'`,
      [id, acting.user!.id, resultNote],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'planned_work.completed',
      objectType: 'planned_work',
      objectId: id,
      requestId: acting.requestId,
    });
  });

  return present(await findWork(ctx.db, orgId, id));
}

/**
 * The act of completed works as a PDF. TODO: the act is not signed yet; the documents module's
 * signatures (issue 9) are to be applied to it once that module offers signing of generated files.
 */
export async function workAct(ctx: AppContext, acting: Acting, orgId: string, id: string) {
  await authorize(ctx, acting.user, 'service_request.execute', { organisationId: orgId });

  const work = await findWork(ctx.db, orgId, id);

  if (work.status !== 'done') {
    throw new AppError('conflict', {
      detail: { ru: 'Акт составляется после выполнения работы', en: 'The act follows completion' },
    });
  }

  const doc = createPdf({ title: `Акт выполненных работ: ${work.title}` });

  doc.font('bold').fontSize(16).text('Акт выполненных работ', { align: 'center' }).moveDown();
  doc.font('regular').fontSize(11);
  doc.text(`Организация: ${work.organisationName}`);
  doc.text(`Адрес: ${work.address}`);
  doc.text(`Вид работ: ${work.kind === 'maintenance' ? 'содержание' : 'текущий ремонт'}`);
  doc.text(`Работа: ${work.title}`);
  doc.text(`Период: ${work.startsOn} — ${work.endsOn}`);
  doc.text(`Выполнено: ${iso(work.completedAt)?.slice(0, 10) ?? ''}`).moveDown();
  doc
    .font('bold')
    .text('Что сделано:')
    .font('regular')
    .text(work.resultNote ?? '')
    .moveDown(2);
  doc.text(`Ответственный: ${work.completedByName ?? ''}  ____________________`);

  return { fileName: `act-${work.startsOn}.pdf`, bytes: await pdfToBuffer(doc) };
}
