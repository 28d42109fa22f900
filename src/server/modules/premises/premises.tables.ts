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

/** An entrance (подъезд) of a house: the chessboard groups premises by entrance and floor. */
export const entrances = pgTable(
  'entrances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    number: integer('number').notNull(),
    floors: integer('floors'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (table) => [unique('entrances_house_number_key').on(table.houseId, table.number)],
);

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
  (table) => [
    unique('premises_house_kind_number_key').on(table.houseId, table.kind, table.number),
    index('premises_cadastral_idx').on(table.cadastralNumber),
  ],
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
    /** Why the right ended: sale, inheritance, gift, court, correction. */
    endedReason: text('ended_reason'),
    /** The registry's record of the right: its registration number and date. */
    rightNumber: text('right_number'),
    rightRegisteredOn: date('right_registered_on'),
    /** How the right reached the platform: claim | import | staff | demo. */
    source: text('source').notNull().default('staff'),
    claimId: uuid('claim_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ownerships_premise_idx').on(table.premiseId),
    index('ownerships_person_idx').on(table.personId),
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

/**
 * A personal account (лицевой счёт): one payer for one premise with one organisation that bills
 * it, open between two dates. `number` has the shape of the state system's single account number
 * (ЕЛС: two digits, two letters, six digits), unique on the platform.
 */
export const personalAccounts = pgTable(
  'personal_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    /** The organisation's own account number, as printed on its old bills, if any. */
    localNumber: text('local_number'),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    payerPersonId: uuid('payer_person_id').references(() => persons.id),
    payerOrganisationId: uuid('payer_organisation_id').references(() => organisations.id),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    closeReason: text('close_reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('personal_accounts_premise_idx').on(table.premiseId),
    index('personal_accounts_payer_idx').on(table.payerPersonId),
    index('personal_accounts_organisation_idx').on(table.organisationId),
    check(
      'personal_accounts_one_payer',
      sql`(payer_person_id IS NULL) <> (payer_organisation_id IS NULL)`,
    ),
    check('personal_accounts_dates', sql`closed_on IS NULL OR closed_on >= opened_on`),
  ],
);
