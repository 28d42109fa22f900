import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { houses } from '../buildings/buildings.tables.js';
import { persons, users } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { storedFiles } from '../../platform/files/files.tables.js';
import { ownerships, premises } from '../premises/premises.tables.js';
import { powersOfAttorney } from '../access/access.tables.js';

/**
 * An owners' general meeting (ОСС) of one house. Its dates are checked against the law when it
 * is announced; its register of owners is frozen when voting opens; its results are fixed once
 * when voting closes. `status`: announced → voting → counted → signed.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    /** in_person | absentee | mixed | electronic (ст. 44.1, 47.1) */
    form: text('form').notNull(),
    kind: text('kind').notNull().default('extraordinary'),
    title: text('title').notNull(),
    place: text('place'),
    materials: text('materials'),
    /** The organisation, or the owner (person), who convened the meeting. */
    initiatorOrganisationId: uuid('initiator_organisation_id').references(() => organisations.id),
    initiatorPersonId: uuid('initiator_person_id').references(() => persons.id),
    administratorUserId: uuid('administrator_user_id')
      .notNull()
      .references(() => users.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    noticeOn: date('notice_on').notNull(),
    votingStartsOn: date('voting_starts_on').notNull(),
    votingEndsOn: date('voting_ends_on').notNull(),
    paperUntilOn: date('paper_until_on').notNull(),
    /** The instants voting opens and closes, from the dates in the house's time zone. */
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    paperClosesAt: timestamp('paper_closes_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    /** first_received | last_received | paper_prevails: which of two ballots of one owner counts. */
    duplicateRule: text('duplicate_rule').notNull().default('first_received'),
    catalogueEdition: date('catalogue_edition').notNull(),
    status: text('status').notNull().default('announced'),
    /** Σ area of all premises of the frozen register, m² (the base of quorum and "of all votes"). */
    totalArea: numeric('total_area', { precision: 14, scale: 2 }),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    countedAt: timestamp('counted_at', { withTimezone: true }),
    /** The fixed count: exact fractions per question, conflicts, chain head. */
    results: jsonb('results').$type<Record<string, unknown>>(),
    chainHead: text('chain_head'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('meetings_house_idx').on(table.houseId),
    check(
      'meetings_one_initiator',
      sql`(initiator_organisation_id IS NULL) <> (initiator_person_id IS NULL)`,
    ),
    check('meetings_voting_order', sql`voting_ends_on >= voting_starts_on`),
  ],
);

/** An agenda question with its decision kind from the catalogue and the majority it takes. */
export const meetingQuestions = pgTable(
  'meeting_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    proposal: text('proposal'),
    decisionKind: text('decision_kind').notNull(),
    majority: text('majority').notNull(),
  },
  (table) => [uniqueIndex('meeting_questions_position_key').on(table.meetingId, table.position)],
);

/**
 * The register of owners as it stood when voting opened: one row per ownership (or one per
 * premise with no known owner, whose area still counts in all votes). Counting reads only this.
 */
export const meetingRegisterEntries = pgTable(
  'meeting_register_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    premiseNumber: text('premise_number').notNull(),
    premiseKind: text('premise_kind').notNull(),
    area: numeric('area', { precision: 10, scale: 2 }).notNull(),
    ownershipId: uuid('ownership_id').references(() => ownerships.id),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    ownerName: text('owner_name'),
    shareNumerator: integer('share_numerator'),
    shareDenominator: integer('share_denominator'),
    titleDocument: text('title_document'),
  },
  (table) => [
    index('meeting_register_meeting_idx').on(table.meetingId),
    index('meeting_register_person_idx').on(table.ownerPersonId),
  ],
);

/**
 * A ballot of one register entry, electronic or paper (entered by the administrator with its
 * scan). Ballots of a meeting form a hash chain by `sequence`; `hash` is the voter's receipt.
 */
export const meetingBallots = pgTable(
  'meeting_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => meetingRegisterEntries.id),
    channel: text('channel').notNull(),
    /** owner | representative | organisation_representative | administrator (paper entry) */
    castAs: text('cast_as').notNull(),
    castByUserId: uuid('cast_by_user_id')
      .notNull()
      .references(() => users.id),
    powerOfAttorneyId: uuid('power_of_attorney_id').references(() => powersOfAttorney.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id),
    sequence: integer('sequence').notNull(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meeting_ballots_sequence_key').on(table.meetingId, table.sequence),
    uniqueIndex('meeting_ballots_hash_key').on(table.hash),
    // One ballot per ownership and channel; a paper duplicate of an electronic one is a conflict.
    uniqueIndex('meeting_ballots_entry_channel_key').on(
      table.meetingId,
      table.entryId,
      table.channel,
    ),
  ],
);

/** The protocol: its PDF, form and number, and who must sign it. */
export const meetingProtocols = pgTable('meeting_protocols', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
  form: text('form').notNull(),
  fileId: uuid('file_id')
    .notNull()
    .references(() => storedFiles.id),
  sha256: text('sha256').notNull(),
  drawnUpOn: date('drawn_up_on').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  signedAt: timestamp('signed_at', { withTimezone: true }),
});

/** A signer of the protocol (chair, secretary, counting commission) and their ПЭП. */
export const meetingSignatures = pgTable(
  'meeting_signatures',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** chair | secretary | counter */
    role: text('role').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The protocol's SHA-256 the code was confirmed for. */
    documentHash: text('document_hash'),
    challengeId: uuid('challenge_id'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId, table.role] })],
);

/**
 * Proof of what was sent: the notice and the results to owners (with the number of messages put
 * in the outbox), the protocol to the management organisation and the housing inspection.
 */
export const meetingDispatches = pgTable(
  'meeting_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** notice | results | protocol_to_manager | protocol_to_inspection */
    kind: text('kind').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisations.id),
    messages: integer('messages').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('meeting_dispatches_meeting_idx').on(table.meetingId)],
);

/** A non-binding poll of a house's owners: one vote per ownership, anonymous results by default. */
export const polls = pgTable('polls', {
  id: uuid('id').primaryKey().defaultRandom(),
  houseId: uuid('house_id')
    .notNull()
    .references(() => houses.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  createdByUserId: uuid('created_by_user_id')
    .notNull()
    .references(() => users.id),
  question: text('question').notNull(),
  options: jsonb('options').$type<string[]>().notNull(),
  anonymous: boolean('anonymous').notNull().default(true),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pollVotes = pgTable(
  'poll_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    ownershipId: uuid('ownership_id')
      .notNull()
      .references(() => ownerships.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    option: integer('option').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.ownershipId] })],
);
