import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

import { storedFiles } from '../../platform/files/files.tables.js';
import { houses } from '../buildings/buildings.tables.js';
import { persons, users } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { premises } from '../premises/premises.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A resident's request to the organisation managing the house: about their premise or a common
 * area. Its regulated deadlines live in `service_request_deadlines`, its history in
 * `service_request_events`. The organisation is fixed at filing: a later change of manager does
 * not move an open request.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number people say on the phone: «заявка 1042». */
    number: integer('number').generatedAlwaysAsIdentity({ startWith: 1001 }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    premiseId: uuid('premise_id').references(() => premises.id),
    /** premise | common_area */
    location: text('location').notNull(),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    requesterPersonId: uuid('requester_person_id')
      .notNull()
      .references(() => persons.id),
    /** owner_or_user | other: decides the written term (C21). */
    requesterStatus: text('requester_status').notNull(),
    category: text('category').notNull(),
    /** repair | information | meter_check */
    kind: text('kind').notNull(),
    /** emergency | urgent | normal */
    priority: text('priority').notNull(),
    blockage: text('blockage'),
    emergencyReasons: jsonb('emergency_reasons')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    description: text('description').notNull(),
    /** The description folded for comparison (C24: duplicates and the daily limit). */
    descriptionKey: text('description_key').notNull(),
    /** The assistant's questions and the answers given, as the dispatcher reads them. */
    assistantTranscript: jsonb('assistant_transcript')
      .$type<unknown[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    preferredVisit: text('preferred_visit'),
    contactPhone: text('contact_phone'),
    /** new | accepted | in_progress | waiting_resident | done | rejected | reopened */
    status: text('status').notNull().default('new'),
    executorUserId: uuid('executor_user_id').references(() => users.id),
    incidentId: uuid('incident_id').references(() => serviceIncidents.id),
    firstResponseAt: at('first_response_at'),
    completedAt: at('completed_at'),
    rejectionReason: text('rejection_reason'),
    reopenCount: integer('reopen_count').notNull().default(0),
    rating: integer('rating'),
    feedback: text('feedback'),
    ratedAt: at('rated_at'),
    escalatedAt: at('escalated_at'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('service_requests_queue_idx').on(table.organisationId, table.status, table.createdAt),
    index('service_requests_requester_idx').on(table.requesterPersonId, table.createdAt),
    index('service_requests_house_idx').on(table.houseId, table.category, table.status),
    index('service_requests_executor_idx').on(table.executorUserId, table.status),
    check('service_requests_rating_range', sql`rating IS NULL OR rating BETWEEN 1 AND 5`),
  ],
);

/** Each regulated deadline of a request, the rule that set it, and what became of it. */
export const serviceRequestDeadlines = pgTable(
  'service_request_deadlines',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    /** response | localisation | resolution */
    kind: text('kind').notNull(),
    dueAt: at('due_at').notNull(),
    ruleId: text('rule_id').notNull(),
    metAt: at('met_at'),
    remindedAt: at('reminded_at'),
    escalatedAt: at('escalated_at'),
  },
  (table) => [
    primaryKey({ columns: [table.requestId, table.kind] }),
    index('service_request_deadlines_due_idx').on(table.dueAt),
  ],
);

/** The history of a request: every status change, assignment and escalation. */
export const serviceRequestEvents = pgTable(
  'service_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('service_request_events_request_idx').on(table.requestId, table.createdAt)],
);

/** Comments: `public` ones the resident reads, `internal` ones only the organisation. */
export const serviceRequestComments = pgTable(
  'service_request_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    visibility: text('visibility').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('service_request_comments_request_idx').on(table.requestId, table.createdAt)],
);

/**
 * Photos uploaded for requests, stored already sanitised (EXIF orientation applied, metadata
 * removed, HEIC converted). A row exists from the upload on, so only files that went through
 * the sanitiser can be attached; `request_id` is set when the request is filed.
 */
export const serviceRequestPhotos = pgTable(
  'service_request_photos',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => storedFiles.id),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('service_request_photos_request_idx').on(table.requestId)],
);

/** People who joined someone else's open request instead of filing the same one again. */
export const serviceRequestFollowers = pgTable(
  'service_request_followers',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.userId] })],
);

/** An organisation's own assistant dialogue for a category, replacing the default one. */
export const serviceRequestScripts = pgTable(
  'service_request_scripts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    script: jsonb('script').$type<Record<string, unknown>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.category] })],
);

/** Per organisation: its own repair term (≤ P45D) and the head of dispatch escalations go to. */
export const serviceRequestSettings = pgTable('service_request_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  repairTerm: text('repair_term'),
  escalationUserId: uuid('escalation_user_id').references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** An admin's lifting of the daily limit of identical requests for one person (C24). */
export const serviceRequestLimitWaivers = pgTable(
  'service_request_limit_waivers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    until: date('until').notNull(),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.personId] })],
);

/** A mass incident (an outage) linking many requests; residents of its houses are informed. */
export const serviceIncidents = pgTable(
  'service_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    startsAt: at('starts_at').notNull(),
    expectedEndAt: at('expected_end_at'),
    resolvedAt: at('resolved_at'),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('service_incidents_org_idx').on(table.organisationId, table.startsAt)],
);

export const serviceIncidentHouses = pgTable(
  'service_incident_houses',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => serviceIncidents.id, { onDelete: 'cascade' }),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.houseId] })],
);

/** Planned maintenance and current repairs of a house; residents are told in advance. */
export const plannedWorks = pgTable(
  'planned_works',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    /** maintenance | current_repair */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** planned | done | cancelled */
    status: text('status').notNull().default('planned'),
    notifiedAt: at('notified_at'),
    completedAt: at('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    /** What was done, in the act of completed works. */
    resultNote: text('result_note'),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('planned_works_house_idx').on(table.houseId, table.startsOn),
    index('planned_works_org_idx').on(table.organisationId, table.startsOn),
    check('planned_works_period', sql`ends_on >= starts_on`),
  ],
);
