import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { requestOutboxDelivery } from '../../platform/outbox/outbox.jobs.js';
import { authorize } from '../access/authorize.js';
import { notifyUsers, residentsOfHouses } from './notices.js';
import type { Acting } from './request-access.js';
import { recordEvent } from './service-requests.repo.js';
import type { z } from 'zod';
import type { IncidentInputSchema } from './works.schema.js';

type IncidentInput = z.infer<typeof IncidentInputSchema>;

async function present(db: Queryable, ids: string[]) {
  const rows = await db.query<{
    id: string;
    category: string;
    title: string;
    description: string;
    startsAt: Date;
    expectedEndAt: Date | null;
    resolvedAt: Date | null;
    houses: { id: string; address: string }[];
    requests: number;
  }>(
    `SELECT i.id, i.category, i.title, i.description, i.starts_at AS "startsAt",
            i.expected_end_at AS "expectedEndAt", i.resolved_at AS "resolvedAt",
            COALESCE((SELECT json_agg(json_build_object('id', h.id, 'address', h.address)
                        ORDER BY h.address)
                      FROM service_incident_houses ih JOIN houses h ON h.id = ih.house_id
                      WHERE ih.incident_id = i.id), '[]'::json) AS houses,
            (SELECT count(*)::int FROM service_requests r WHERE r.incident_id = i.id) AS requests
     FROM service_incidents i WHERE i.id = ANY($1::uuid[]) ORDER BY i.starts_at DESC`,
    [ids],
  );
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

  return rows.map((r) => ({
    ...r,
    category: r.category as never,
    startsAt: new Date(r.startsAt).toISOString(),
    expectedEndAt: iso(r.expectedEndAt),
    resolvedAt: iso(r.resolvedAt),
  }));
}

export async function listIncidents(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'service_request.execute', { organisationId: orgId });

  const rows = await ctx.db.query<{ id: string }>(
    `SELECT id FROM service_incidents WHERE organisation_id = $1
     ORDER BY resolved_at IS NULL DESC, starts_at DESC LIMIT 50`,
    [orgId],
  );

  return present(
    ctx.db,
    rows.map((r) => r.id),
  );
}

/**
 * A mass incident (an outage): links the open requests it explains and tells everyone who owns
 * or lives in the affected houses, so they need not file the same request again.
 */
export async function declareIncident(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  input: IncidentInput,
) {
  await authorize(ctx, acting.user, 'service_request.dispatch', { organisationId: orgId });

  const houses = await ctx.db.query<{ id: string; address: string }>(
    `SELECT id, address FROM houses WHERE id = ANY($1::uuid[]) AND managing_organisation_id = $2`,
    [input.houseIds, orgId],
  );

  if (houses.length !== new Set(input.houseIds).size) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'houseIds', rule: 'managed', message: 'not all houses are yours' }],
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO service_incidents (organisation_id, category, title, description, starts_at,
         expected_end_at, created_by) VALUES ($1, $2, $3, $4, now(), $5, $6) RETURNING id`,
      [
        orgId,
        input.category,
        input.title,
        input.description,
        input.expectedEndAt ?? null,
        acting.user!.id,
      ],
    );
    const incidentId = row!.id;

    for (const house of houses) {
      await tx.query(
        'INSERT INTO service_incident_houses (incident_id, house_id) VALUES ($1, $2)',
        [incidentId, house.id],
      );
    }

    const linked = await tx.query<{ id: string }>(
      `UPDATE service_requests SET incident_id = $1, updated_at = now()
       WHERE id = ANY($2::uuid[]) AND organisation_id = $3
         AND status IN ('new', 'accepted', 'in_progress', 'waiting_resident', 'reopened')
       RETURNING id`,
      [incidentId, input.requestIds, orgId],
    );

    for (const request of linked) {
      await recordEvent(tx, {
        requestId: request.id,
        actorUserId: acting.user!.id,
        action: 'link_incident',
        note: input.title,
      });
    }

    const until = input.expectedEndAt
      ? ` Ожидаемое время устранения: ${new Date(input.expectedEndAt).toISOString()}.`
      : '';

    await notifyUsers(tx, await residentsOfHouses(tx, input.houseIds), {
      subject: `Авария: ${input.title}`,
      body: `${input.description}${until} Подавать отдельную заявку не нужно.`,
      metadata: { kind: 'service_incident', incidentId },
    });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_incident.declared',
      objectType: 'service_incident',
      objectId: incidentId,
      requestId: acting.requestId,
      after: { houseIds: input.houseIds, linked: linked.length },
    });

    return incidentId;
  });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  return (await present(ctx.db, [id]))[0]!;
}

/** Ends an incident: its residents are told, and its linked open requests are completed. */
export async function resolveIncident(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  id: string,
  note: string,
) {
  await authorize(ctx, acting.user, 'service_request.dispatch', { organisationId: orgId });

  await ctx.db.transaction(async (tx) => {
    const [incident] = await tx.query<{ title: string; resolvedAt: Date | null }>(
      `SELECT title, resolved_at AS "resolvedAt" FROM service_incidents
       WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
      [id, orgId],
    );

    if (!incident) {
      throw new AppError('not_found');
    }

    if (incident.resolvedAt) {
      throw new AppError('incident_resolved');
    }

    await tx.query('UPDATE service_incidents SET resolved_at = now() WHERE id = $1', [id]);

    const closed = await tx.query<{ id: string; status: string }>(
      `UPDATE service_requests r SET status = 'done', completed_at = now(), updated_at = now(),
         first_response_at = COALESCE(first_response_at, now())
       FROM (SELECT id, status FROM service_requests WHERE incident_id = $1
             AND status IN ('new', 'accepted', 'in_progress', 'waiting_resident', 'reopened')
             FOR UPDATE) old
       WHERE r.id = old.id RETURNING r.id, old.status`,
      [id],
    );

    for (const request of closed) {
      await tx.query(
        'UPDATE service_request_deadlines SET met_at = now() WHERE request_id = $1 AND met_at IS NULL',
        [request.id],
      );
      await recordEvent(tx, {
        requestId: request.id,
        actorUserId: acting.user!.id,
        action: 'complete',
        fromStatus: request.status,
        toStatus: 'done',
        note,
      });
    }

    const houses = await tx.query<{ houseId: string }>(
      'SELECT house_id AS "houseId" FROM service_incident_houses WHERE incident_id = $1',
      [id],
    );

    await notifyUsers(
      tx,
      await residentsOfHouses(
        tx,
        houses.map((h) => h.houseId),
      ),
      {
        subject: `Авария устранена: ${incident.title}`,
        body: note,
        metadata: { kind: 'service_incident', incidentId: id, resolved: true },
      },
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_incident.resolved',
      objectType: 'service_incident',
      objectId: id,
      requestId: acting.requestId,
      after: { closedRequests: closed.length },
    });
  });

  await requestOutboxDelivery(ctx.jobs).catch(() => undefined);

  return (await present(ctx.db, [id]))[0]!;
}
