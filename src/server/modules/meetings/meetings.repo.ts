import type { Queryable } from '../../platform/db/database.js';
import { managerSql } from '../house-register/house-manager.js';

export type MeetingRow = {
  id: string;
  houseId: string;
  houseAddress: string;
  managerId: string | null;
  form: 'in_person' | 'absentee' | 'mixed' | 'electronic';
  kind: string;
  title: string;
  place: string | null;
  materials: string | null;
  initiatorOrganisationId: string | null;
  initiatorPersonId: string | null;
  initiatorName: string;
  administratorUserId: string;
  noticeOn: string;
  votingStartsOn: string;
  votingEndsOn: string;
  paperUntilOn: string;
  opensAt: Date;
  closesAt: Date;
  paperClosesAt: Date;
  timeZone: string;
  duplicateRule: 'first_received' | 'last_received' | 'paper_prevails';
  catalogueEdition: string;
  status: 'announced' | 'voting' | 'counted' | 'signed';
  totalArea: string | null;
  frozenAt: Date | null;
  countedAt: Date | null;
  results: Record<string, unknown> | null;
  chainHead: string | null;
};

export type QuestionRow = {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  proposal: string | null;
  decisionKind: string;
  majority:
    'two_thirds_of_all' | 'more_than_half_of_all' | 'majority_of_participants' | 'unanimous';
};

const COLUMNS = `m.id, m.house_id AS "houseId", h.address AS "houseAddress",
  ${managerSql('h')} AS "managerId", m.form, m.kind, m.title, m.place, m.materials,
  m.initiator_organisation_id AS "initiatorOrganisationId",
  m.initiator_person_id AS "initiatorPersonId",
  COALESCE(io.name, concat_ws(' ', ip.surname, ip.name, ip.patronymic)) AS "initiatorName",
  m.administrator_user_id AS "administratorUserId",
  to_char(m.notice_on, 'YYYY-MM-DD') AS "noticeOn",
  to_char(m.voting_starts_on, 'YYYY-MM-DD') AS "votingStartsOn",
  to_char(m.voting_ends_on, 'YYYY-MM-DD') AS "votingEndsOn",
  to_char(m.paper_until_on, 'YYYY-MM-DD') AS "paperUntilOn",
  m.opens_at AS "opensAt", m.closes_at AS "closesAt", m.paper_closes_at AS "paperClosesAt",
  m.time_zone AS "timeZone", m.duplicate_rule AS "duplicateRule",
  to_char(m.catalogue_edition, 'YYYY-MM-DD') AS "catalogueEdition", m.status,
  m.total_area::text AS "totalArea", m.frozen_at AS "frozenAt", m.counted_at AS "countedAt",
  m.results, m.chain_head AS "chainHead"`;

const FROM = `FROM meetings m JOIN houses h ON h.id = m.house_id
  LEFT JOIN organisations io ON io.id = m.initiator_organisation_id
  LEFT JOIN persons ip ON ip.id = m.initiator_person_id`;

export type NewMeeting = {
  houseId: string;
  form: string;
  kind: string;
  title: string;
  place: string | null;
  materials: string | null;
  initiatorOrganisationId: string | null;
  initiatorPersonId: string | null;
  administratorUserId: string;
  createdByUserId: string;
  noticeOn: string;
  votingStartsOn: string;
  votingEndsOn: string;
  paperUntilOn: string;
  opensAt: Date;
  closesAt: Date;
  paperClosesAt: Date;
  timeZone: string;
  duplicateRule: string;
  catalogueEdition: string;
  isDemo?: boolean;
};

export async function insertMeeting(tx: Queryable, m: NewMeeting): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO meetings (house_id, form, kind, title, place, materials,
       initiator_organisation_id, initiator_person_id, administrator_user_id, created_by_user_id,
       notice_on, voting_starts_on, voting_ends_on, paper_until_on, opens_at, closes_at,
       paper_closes_at, time_zone, duplicate_rule, catalogue_edition, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
       $20, $21)
     RETURNING id`,
    [
      m.houseId,
      m.form,
      m.kind,
      m.title,
      m.place,
      m.materials,
      m.initiatorOrganisationId,
      m.initiatorPersonId,
      m.administratorUserId,
      m.createdByUserId,
      m.noticeOn,
      m.votingStartsOn,
      m.votingEndsOn,
      m.paperUntilOn,
      m.opensAt,
      m.closesAt,
      m.paperClosesAt,
      m.timeZone,
      m.duplicateRule,
      m.catalogueEdition,
      m.isDemo ?? false,
    ],
  );

  return row!.id;
}

export async function insertQuestions(
  tx: Queryable,
  meetingId: string,
  questions: Omit<QuestionRow, 'id' | 'meetingId'>[],
): Promise<void> {
  for (const q of questions) {
    await tx.query(
      `INSERT INTO meeting_questions (meeting_id, position, title, proposal, decision_kind, majority)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [meetingId, q.position, q.title, q.proposal, q.decisionKind, q.majority],
    );
  }
}

export async function findMeeting(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<MeetingRow | undefined> {
  if (options.lock) {
    await db.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [id]);
  }

  const [row] = await db.query<MeetingRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.id = $1`, [id]);

  return row;
}

export async function listMeetings(
  db: Queryable,
  filter: { houseIds?: string[]; organisationId?: string; forwardedTo?: string | null },
): Promise<MeetingRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];

  if (filter.houseIds) {
    params.push(filter.houseIds);
    where.push(`m.house_id = ANY($${params.length}::uuid[])`);
  }

  if (filter.organisationId) {
    params.push(filter.organisationId);
    where.push(
      `(m.initiator_organisation_id = $${params.length} OR ${managerSql('h')} = $${params.length})`,
    );
  }

  if (filter.forwardedTo !== undefined) {
    // Protocols sent to the inspection: to this inspection, or to any when null (the platform).
    params.push(filter.forwardedTo);
    where.push(`EXISTS (SELECT 1 FROM meeting_dispatches d WHERE d.meeting_id = m.id
      AND d.kind = 'protocol_to_inspection'
      AND ($${params.length}::uuid IS NULL OR d.recipient_organisation_id = $${params.length}))`);
  }

  return db.query<MeetingRow>(
    `SELECT ${COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY m.voting_starts_on DESC, m.created_at DESC LIMIT 200`,
    params,
  );
}

export async function findQuestions(db: Queryable, meetingId: string): Promise<QuestionRow[]> {
  return db.query<QuestionRow>(
    `SELECT id, meeting_id AS "meetingId", position, title, proposal,
       decision_kind AS "decisionKind", majority
     FROM meeting_questions WHERE meeting_id = $1 ORDER BY position`,
    [meetingId],
  );
}

export async function setMeetingState(
  tx: Queryable,
  id: string,
  state: {
    status: MeetingRow['status'];
    totalArea?: string;
    frozenAt?: Date;
    countedAt?: Date;
    results?: Record<string, unknown>;
    chainHead?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE meetings SET status = $2, total_area = COALESCE($3::numeric, total_area),
       frozen_at = COALESCE($4, frozen_at), counted_at = COALESCE($5, counted_at),
       results = COALESCE($6::jsonb, results), chain_head = COALESCE($7, chain_head)
     WHERE id = $1`,
    [
      id,
      state.status,
      state.totalArea ?? null,
      state.frozenAt ?? null,
      state.countedAt ?? null,
      state.results ? JSON.stringify(state.results) : null,
      state.chainHead ?? null,
    ],
  );
}

export async function insertDispatch(
  tx: Queryable,
  d: {
    meetingId: string;
    kind: string;
    recipientOrganisationId?: string | null;
    messages: number;
    sentAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_dispatches (meeting_id, kind, recipient_organisation_id, messages, sent_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [d.meetingId, d.kind, d.recipientOrganisationId ?? null, d.messages, d.sentAt],
  );
}

export async function findDispatches(db: Queryable, meetingId: string) {
  return db.query<{ kind: string; recipient: string | null; sentAt: Date; messages: number }>(
    `SELECT d.kind, o.name AS recipient, d.sent_at AS "sentAt", d.messages
     FROM meeting_dispatches d LEFT JOIN organisations o ON o.id = d.recipient_organisation_id
     WHERE d.meeting_id = $1 ORDER BY d.sent_at, d.kind`,
    [meetingId],
  );
}
