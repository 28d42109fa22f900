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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

import { houses } from '../buildings/buildings.tables.js';
import { persons } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** A flat, non-residential premise, parking place or storage room of a house. */
export const premises = pgTable(
  'premises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    number: text('number').notNull(),
    /** flat | non_residential | parking | storage */
    kind: text('kind').notNull().default('flat'),
    floor: integer('floor'),
    entrance: integer('entrance'),
    areaTotal: numeric('area_total', { precision: 10, scale: 2 }).notNull(),
    areaLiving: numeric('area_living', { precision: 10, scale: 2 }),
    cadastralNumber: text('cadastral_number'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('premises_house_kind_number_key').on(table.houseId, table.kind, table.number)],
);

/** A right of ownership; the share is an exact fraction, never a float. */
export const ownerships = pgTable(
  'ownerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    personId: uuid('person_id').references(() => persons.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    shareNumerator: integer('share_numerator').notNull(),
    shareDenominator: integer('share_denominator').notNull(),
    titleDocument: text('title_document'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (table) => [
    index('ownerships_premise_idx').on(table.premiseId),
    check(
      'ownerships_share_valid',
      sql`share_numerator > 0 AND share_numerator <= share_denominator`,
    ),
    check('ownerships_one_owner', sql`(person_id IS NULL) <> (organisation_id IS NULL)`),
  ],
);

/** A person registered as living in a premise; the count drives norm-based billing. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    registeredOn: date('registered_on'),
    deregisteredOn: date('deregistered_on'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (table) => [index('residents_premise_idx').on(table.premiseId)],
);
