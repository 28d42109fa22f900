import type { Queryable } from '../../platform/db/database.js';

export type RequestRow = {
  id: string;
  number: number;
  organisationId: string;
  organisationName: string;
  houseId: string;
  houseAddress: string;
  timeZone: string;
  premiseId: string | null;
  premiseNumber: string | null;
  location: 'premise' | 'common_area';
  requesterUserId: string;
  requesterPersonId: string;
  requesterName: string;
  requesterStatus: 'owner_or_user' | 'other';
  category: string;
  kind: string;
  priority: string;
  blockage: string | null;
  emergencyReasons: string[];
  description: string;
  assistantTranscript: {
    question: { ru: string; en: string };
    answer: { ru: string; en: string };
  }[];
  preferredVisit: string | null;
  contactPhone: string | null;
  status: string;
  executorUserId: string | null;
  executorName: string | null;
  incidentId: string | null;
  incidentTitle: string | null;
  firstResponseAt: Date | null;
  completedAt: Date | null;
  rejectionReason: string | null;
  reopenCount: number;
  rating: number | null;
  feedback: string | null;
  escalatedAt: Date | null;
  followers: number;
  createdAt: Date;
  updatedAt: Date;
};

export type DeadlineRow = {
  requestId: string;
  kind: string;
  dueAt: Date;
  ruleId: string;
  metAt: Date | null;
};

const NAME = (alias: string) =>
  `concat_ws(' ', ${alias}.surname, ${alias}.name, ${alias}.patronymic)`;

const SELECT = `
  SELECT r.id, r.number, r.organisation_id AS "organisationId", o.name AS "organisationName",
         r.house_id AS "houseId", h.address AS "houseAddress", h.time_zone AS "timeZone",
         r.premise_id AS "premiseId", p.number AS "premiseNumber", r.location,
         r.requester_user_id AS "requesterUserId", r.requester_person_id AS "requesterPersonId",
         ${NAME('rp')} AS "requesterName", r.requester_status AS "requesterStatus",
         r.category, r.kind, r.priority, r.blockage, r.emergency_reasons AS "emergencyReasons",
         r.description, r.assistant_transcript AS "assistantTranscript",
         r.preferred_visit AS "preferredVisit", r.contact_phone AS "contactPhone", r.status,
         r.executor_user_id AS "executorUserId", ${NAME('ep')} AS "executorName",
         r.incident_id AS "incidentId", i.title AS "incidentTitle",
         r.first_response_at AS "firstResponseAt", r.completed_at AS "completedAt",
         r.rejection_reason AS "rejectionReason", r.reopen_count AS "reopenCount", r.rating,
         r.feedback, r.escalated_at AS "escalatedAt",
         (SELECT count(*)::int FROM service_request_followers f WHERE f.request_id = r.id)
           AS followers,
         r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM service_requests r
  JOIN organisations o ON o.id = r.organisation_id
  JOIN houses h ON h.id = r.house_id
  LEFT JOIN premises p ON p.id = r.premise_id
  JOIN persons rp ON rp.id = r.requester_person_id
  LEFT JOIN users eu ON eu.id = r.executor_user_id
  LEFT JOIN persons ep ON ep.id = eu.person_id
  LEFT JOIN service_incidents i ON i.id = r.incident_id`;

export async function findRequest(db: Queryable, id: string): Promise<RequestRow | null> {
  const [row] = await db.query<RequestRow>(`${SELECT} WHERE r.id = $1`, [id]);

  return row ?? null;
}

export async function lockRequest(tx: Queryable, id: string): Promise<RequestRow | null> {
  await tx.query('SELECT id FROM service_requests WHERE id = $1 FOR UPDATE', [id]);

  return findRequest(tx, id);
}

export type ListFilter = {
  organisationId?: string;
  userId?: string;
  statuses?: string[];
  houseId?: string;
  category?: string;
  overdue?: boolean;
  executorUserId?: string;
};

/** Requests matching the filter; a queue orders by the nearest unmet deadline first. */
export async function listRequests(
  db: Queryable,
  filter: ListFilter,
  page: { limit: number; offset: number },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };

  if (filter.organisationId) {
    add((n) => `r.organisation_id = ${n}`, filter.organisationId);
  }

  if (filter.userId) {
    add(
      (n) => `(r.requester_user_id = ${n} OR EXISTS (SELECT 1 FROM service_request_followers f
        WHERE f.request_id = r.id AND f.user_id = ${n}))`,
      filter.userId,
    );
  }

  if (filter.statuses) {
    add((n) => `r.status = ANY(${n}::text[])`, filter.statuses);
  }

  if (filter.houseId) {
    add((n) => `r.house_id = ${n}`, filter.houseId);
  }

  if (filter.category) {
    add((n) => `r.category = ${n}`, filter.category);
  }

  if (filter.executorUserId) {
    add((n) => `r.executor_user_id = ${n}`, filter.executorUserId);
  }

  if (filter.overdue) {
    where.push(`EXISTS (SELECT 1 FROM service_request_deadlines d WHERE d.request_id = r.id
      AND d.met_at IS NULL AND d.due_at < now())`);
  }

  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = filter.organisationId
    ? `ORDER BY (SELECT min(d.due_at) FROM service_request_deadlines d
         WHERE d.request_id = r.id AND d.met_at IS NULL) NULLS LAST, r.created_at`
    : 'ORDER BY r.created_at DESC';
  const items = await db.query<RequestRow>(
    `${SELECT} ${clause} ${order}, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM service_requests r ${clause}`,
    params,
  );

  return { items, total: count?.total ?? 0 };
}

export async function deadlinesOf(db: Queryable, ids: string[]): Promise<DeadlineRow[]> {
  if (ids.length === 0) {
    return [];
  }

  return db.query<DeadlineRow>(
    `SELECT request_id AS "requestId", kind, due_at AS "dueAt", rule_id AS "ruleId",
            met_at AS "metAt"
     FROM service_request_deadlines WHERE request_id = ANY($1::uuid[]) ORDER BY due_at`,
    [ids],
  );
}

export async function photosOf(db: Queryable, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }

  return db.query<{ requestId: string; id: string; width: number; height: number }>(
    `SELECT request_id AS "requestId", file_id AS id, width, height
     FROM service_request_photos WHERE request_id = ANY($1::uuid[]) ORDER BY created_at, file_id`,
    [ids],
  );
}

export async function isFollower(db: Queryable, requestId: string, userId: string) {
  const rows = await db.query(
    'SELECT 1 FROM service_request_followers WHERE request_id = $1 AND user_id = $2',
    [requestId, userId],
  );

  return rows.length > 0;
}

export async function recordEvent(
  tx: Queryable,
  event: {
    requestId: string;
    actorUserId: string | null;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string | null;
  },
) {
  await tx.query(
    `INSERT INTO service_request_events (request_id, actor_user_id, action, from_status,
       to_status, note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      event.requestId,
      event.actorUserId,
      event.action,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.note ?? null,
    ],
  );
}

export async function eventsOf(db: Queryable, requestId: string) {
  return db.query<{
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    actor: string | null;
    createdAt: Date;
  }>(
    `SELECT e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.note,
            ${NAME('p')} AS actor, e.created_at AS "createdAt"
     FROM service_request_events e
     LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN persons p ON p.id = u.person_id
     WHERE e.request_id = $1 ORDER BY e.created_at, e.id`,
    [requestId],
  );
}

export async function commentsOf(db: Queryable, requestId: string, withInternal: boolean) {
  return db.query<{
    id: string;
    body: string;
    visibility: 'public' | 'internal';
    author: string;
    fromOrganisation: boolean;
    createdAt: Date;
  }>(
    `SELECT c.id, c.body, c.visibility, ${NAME('p')} AS author,
            EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = c.author_user_id
                    AND m.organisation_id = r.organisation_id) AS "fromOrganisation",
            c.created_at AS "createdAt"
     FROM service_request_comments c
     JOIN service_requests r ON r.id = c.request_id
     JOIN users u ON u.id = c.author_user_id JOIN persons p ON p.id = u.person_id
     WHERE c.request_id = $1 AND ($2 OR c.visibility = 'public')
     ORDER BY c.created_at, c.id`,
    [requestId, withInternal],
  );
}

/** The person's link to a premise today: owner, resident or representative by a power. */
export async function findPremiseLink(
  db: Queryable,
  userId: string,
  personId: string,
  premiseId: string,
) {
  const rows = await db.query<{ houseId: string; linked: boolean }>(
    `SELECT p.house_id AS "houseId",
            (EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = p.id AND o.person_id = $2
                       AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE))
             OR EXISTS (SELECT 1 FROM residents s WHERE s.premise_id = p.id AND s.person_id = $2
                       AND (s.deregistered_on IS NULL OR s.deregistered_on >= CURRENT_DATE))
             OR EXISTS (SELECT 1 FROM powers_of_attorney a WHERE a.premise_id = p.id
                       AND a.representative_user_id = $1 AND a.revoked_at IS NULL
                       AND CURRENT_DATE BETWEEN a.valid_from AND a.valid_until)) AS linked
     FROM premises p WHERE p.id = $3`,
    [userId, personId, premiseId],
  );

  return rows[0] ?? null;
}

/** Whether the person owns or lives in any premise of the house (C21: owner/user vs other). */
export async function isOfHouse(db: Queryable, personId: string, houseId: string) {
  const rows = await db.query(
    `SELECT 1 FROM premises p WHERE p.house_id = $2 AND (
       EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = p.id AND o.person_id = $1
               AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE))
       OR EXISTS (SELECT 1 FROM residents s WHERE s.premise_id = p.id AND s.person_id = $1
               AND (s.deregistered_on IS NULL OR s.deregistered_on >= CURRENT_DATE)))
     LIMIT 1`,
    [personId, houseId],
  );

  return rows.length > 0;
}

export async function findHouse(db: Queryable, houseId: string) {
  const [row] = await db.query<{
    id: string;
    address: string;
    timeZone: string;
    managingOrganisationId: string | null;
  }>(
    `SELECT id, address, time_zone AS "timeZone",
            managing_organisation_id AS "managingOrganisationId"
     FROM houses WHERE id = $1`,
    [houseId],
  );

  return row ?? null;
}

/** Open requests of the house and category, most followed first, for «join this one». */
export async function findSimilarOpen(db: Queryable, houseId: string, category: string) {
  return db.query<{
    id: string;
    number: number;
    category: string;
    status: string;
    description: string;
    createdAt: Date;
    followers: number;
    requesterUserId: string;
  }>(
    `SELECT r.id, r.number, r.category, r.status, r.description, r.created_at AS "createdAt",
            r.requester_user_id AS "requesterUserId",
            (SELECT count(*)::int FROM service_request_followers f WHERE f.request_id = r.id)
              AS followers
     FROM service_requests r
     WHERE r.house_id = $1 AND r.category = $2
       AND r.status IN ('new', 'accepted', 'in_progress', 'waiting_resident', 'reopened')
       AND r.created_at > now() - interval '30 days'
     ORDER BY followers DESC, r.created_at DESC LIMIT 5`,
    [houseId, category],
  );
}

export async function followedBy(db: Queryable, ids: string[], userId: string) {
  if (ids.length === 0) {
    return new Set<string>();
  }

  const rows = await db.query<{ requestId: string }>(
    `SELECT request_id AS "requestId" FROM service_request_followers
     WHERE request_id = ANY($1::uuid[]) AND user_id = $2`,
    [ids, userId],
  );

  return new Set(rows.map((r) => r.requestId));
}
