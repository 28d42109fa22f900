import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

import { houses, importRuns } from '../buildings/buildings.tables.js';

/**
 * The local copy of property registry (ЕГРН) extracts: one row per real-estate object, keyed by
 * its cadastral number. The registry adapter answers claims from here unless another adapter is
 * configured.
 */
export const registryObjects = pgTable(
  'registry_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cadastralNumber: text('cadastral_number').notNull().unique(),
    address: text('address').notNull(),
    /** The house the address was matched to, when it was. */
    houseId: uuid('house_id').references(() => houses.id),
    premiseNumber: text('premise_number'),
    /** flat | non_residential | parking | storage */
    kind: text('kind').notNull(),
    area: numeric('area', { precision: 10, scale: 2 }).notNull(),
    importRunId: uuid('import_run_id').references(() => importRuns.id),
    extractedOn: date('extracted_on'),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('registry_objects_house_idx').on(table.houseId)],
);

/** A registered right on an object: who holds it, what share, under which registration. */
export const registryRights = pgTable(
  'registry_rights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectId: uuid('object_id')
      .notNull()
      .references(() => registryObjects.id, { onDelete: 'cascade' }),
    /** person | company | municipality */
    ownerKind: text('owner_kind').notNull(),
    /** A person's full name as the registry spells it, or the company's name. */
    ownerName: text('owner_name').notNull(),
    /** Normalised for matching: lower case, ё → е, single spaces. */
    ownerNameKey: text('owner_name_key').notNull(),
    ownerInn: text('owner_inn'),
    /** Keyed digest of the owner's СНИЛС, comparable with identity_assurances.snils_digest. */
    ownerSnilsDigest: text('owner_snils_digest'),
    shareNumerator: integer('share_numerator').notNull(),
    shareDenominator: integer('share_denominator').notNull(),
    registrationNumber: text('registration_number').notNull(),
    registeredOn: date('registered_on').notNull(),
  },
  (table) => [
    index('registry_rights_object_idx').on(table.objectId),
    check(
      'registry_rights_share_valid',
      sql`share_numerator > 0 AND share_numerator <= share_denominator`,
    ),
  ],
);
