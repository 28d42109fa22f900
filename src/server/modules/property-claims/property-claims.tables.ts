import {
  check,
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
  date,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

import { houses } from '../buildings/buildings.tables.js';
import { persons, users } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { storedFiles } from '../../platform/files/files.tables.js';
import { ownerships, premises } from '../premises/premises.tables.js';

/**
 * An owner's claim to a property, reconciled with the registry. A full match is `confirmed` at
 * once; any mismatch makes it a `conflict` routed to an organisation's queue, which `approved` or
 * `rejected` it with a reason. The claimant may `withdrawn` a conflict before it is decided.
 */
export const propertyClaims = pgTable(
  'property_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    premiseNumber: text('premise_number').notNull(),
    premiseKind: text('premise_kind').notNull(),
    cadastralNumber: text('cadastral_number').notNull(),
    area: numeric('area', { precision: 10, scale: 2 }).notNull(),
    shareNumerator: integer('share_numerator').notNull(),
    shareDenominator: integer('share_denominator').notNull(),
    /** Title document: its kind (sale contract, inheritance certificate…), number and date. */
    titleKind: text('title_kind').notNull(),
    titleNumber: text('title_number'),
    titleDate: date('title_date'),
    /** confirmed | conflict | approved | rejected | withdrawn */
    status: text('status').notNull(),
    /** Each difference found by the reconciliation, with what was claimed and what was found. */
    mismatches: jsonb('mismatches')
      .$type<unknown[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * The registry's facts as the reconciliation saw them (object, area, owners with shares and
     * registrations), so the queue shows what was compared even after the registry changes.
     * Null when the registry had no such object.
     */
    registrySnapshot: jsonb('registry_snapshot').$type<Record<string, unknown>>(),
    /** The organisation whose queue decides a conflict (the house's manager, else the operator). */
    routedOrganisationId: uuid('routed_organisation_id').references(() => organisations.id),
    premiseId: uuid('premise_id').references(() => premises.id),
    ownershipId: uuid('ownership_id').references(() => ownerships.id),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('property_claims_person_idx').on(table.personId),
    index('property_claims_queue_idx').on(table.routedOrganisationId, table.status),
    // One live claim per person and object: a second one is a duplicate, not a new request.
    uniqueIndex('property_claims_live_key')
      .on(table.personId, table.cadastralNumber)
      .where(sql`status IN ('confirmed', 'conflict', 'approved')`),
    check(
      'property_claims_share_valid',
      sql`share_numerator > 0 AND share_numerator <= share_denominator`,
    ),
  ],
);

/** The scans attached to a claim (title document, extract), stored in platform files. */
export const propertyClaimFiles = pgTable(
  'property_claim_files',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => propertyClaims.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
  },
  (table) => [primaryKey({ columns: [table.claimId, table.fileId] })],
);
