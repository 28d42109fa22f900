import type { Queryable } from '../../platform/db/database.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';

type Notice = { subject: string; body: string; metadata: Record<string, unknown> };

/**
 * Writes notices in the caller's transaction: in the app always, by e-mail where the person has
 * a confirmed address. A notice exists exactly when the change that caused it was committed.
 */
export async function notifyUsers(tx: Queryable, userIds: string[], notice: Notice) {
  const unique = [...new Set(userIds)];

  if (unique.length === 0) {
    return;
  }

  const emails = await tx.query<{ userId: string; email: string | null }>(
    `SELECT u.id AS "userId", COALESCE(
       (SELECT c.value FROM contacts c WHERE c.person_id = u.person_id AND c.kind = 'email'
          AND c.confirmed_at IS NOT NULL ORDER BY c.confirmed_at DESC LIMIT 1),
       CASE WHEN NOT EXISTS (SELECT 1 FROM contacts c WHERE c.person_id = u.person_id)
            THEN u.email END) AS email
     FROM users u WHERE u.id = ANY($1::uuid[])`,
    [unique],
  );

  for (const { userId, email } of emails) {
    await enqueueMessage(tx, { channel: 'in_app', recipient: userId, ...notice });

    if (email) {
      await enqueueMessage(tx, { channel: 'email', recipient: email, ...notice });
    }
  }
}

/** Users holding one of the roles in the organisation: who dispatches, who escalations reach. */
export async function staffWithRoles(tx: Queryable, organisationId: string, roles: string[]) {
  const rows = await tx.query<{ userId: string }>(
    `SELECT DISTINCT user_id AS "userId" FROM memberships
     WHERE organisation_id = $1 AND role = ANY($2::text[])`,
    [organisationId, roles],
  );

  return rows.map((r) => r.userId);
}

/** Everyone who should hear about a request's progress: its requester and those who joined. */
export async function requestAudience(tx: Queryable, requestId: string) {
  const rows = await tx.query<{ userId: string }>(
    `SELECT requester_user_id AS "userId" FROM service_requests WHERE id = $1
     UNION SELECT user_id FROM service_request_followers WHERE request_id = $1`,
    [requestId],
  );

  return rows.map((r) => r.userId);
}

/** Users who own or live in premises of the houses: the audience of incidents and planned works. */
export async function residentsOfHouses(tx: Queryable, houseIds: string[]) {
  const rows = await tx.query<{ userId: string }>(
    `SELECT DISTINCT u.id AS "userId" FROM users u
     WHERE u.person_id IN (
       SELECT o.person_id FROM ownerships o JOIN premises p ON p.id = o.premise_id
       WHERE p.house_id = ANY($1::uuid[]) AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE)
       UNION
       SELECT s.person_id FROM residents s JOIN premises p ON p.id = s.premise_id
       WHERE p.house_id = ANY($1::uuid[])
         AND (s.deregistered_on IS NULL OR s.deregistered_on >= CURRENT_DATE))`,
    [houseIds],
  );

  return rows.map((r) => r.userId);
}

export const STATUS_WORDS: Record<string, string> = {
  new: 'новая',
  accepted: 'принята',
  in_progress: 'в работе',
  waiting_resident: 'ждёт ответа жителя',
  done: 'выполнена',
  rejected: 'отклонена',
  reopened: 'возвращена в работу',
};
