// Tables of the meters module (exported to drizzle through src/server/platform/db/schema.ts).
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
import { persons } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { premises } from '../premises/premises.tables.js';
import { storedFiles } from '../../platform/files/files.tables.js';

/**
 * A meter: an individual one of a premise (ИПУ) or a common-house one of a house (ОДПУ, no
 * premise). The serial number is unique among the organisation's active meters (case C11): a
 * replaced or archived meter frees its number.
 */
export const meters = pgTable(
  'meters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    /** null for a common-house meter */
    premiseId: uuid('premise_id').references(() => premises.id),
    /** cold_water | hot_water | electricity | heat | gas */
    resource: text('resource').notNull(),
    /** 1..3 tariff zones; more than one for electricity only */
    zones: integer('zones').notNull().default(1),
    integerDigits: integer('integer_digits').notNull(),
    fractionDigits: integer('fraction_digits').notNull(),
    serialNumber: text('serial_number').notNull(),
    model: text('model'),
    installedOn: date('installed_on').notNull(),
    verifiedOn: date('verified_on'),
    verificationIntervalMonths: integer('verification_interval_months').notNull(),
    /** Derived from the last verification and the interval; stored for queries and reminders. */
    nextVerificationOn: date('next_verification_on'),
    /** active | replaced | archived */
    status: text('status').notNull().default('active'),
    closedOn: date('closed_on'),
    replacesMeterId: uuid('replaces_meter_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('meters_premise_idx').on(table.premiseId),
    index('meters_house_idx').on(table.houseId),
    uniqueIndex('meters_active_serial_key')
      .on(table.organisationId, table.serialNumber)
      .where(sql`status = 'active'`),
    check('meters_zones_valid', sql`zones BETWEEN 1 AND 3`),
    check(
      'meters_digits_valid',
      sql`integer_digits BETWEEN 1 AND 12 AND fraction_digits BETWEEN 0 AND 6`,
    ),
  ],
);

/**
 * A reading of one tariff zone of a meter. `kind`: regular (monthly), initial (a new meter's
 * first value) or final (a replaced meter's closing value). One regular reading per meter, zone
 * and period; the value is an exact decimal.
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    /** single | day | night | peak | semi_peak */
    zone: text('zone').notNull(),
    /** YYYY-MM: the billing period the reading belongs to */
    period: text('period').notNull(),
    kind: text('kind').notNull().default('regular'),
    value: numeric('value', { precision: 20, scale: 6 }).notNull(),
    /** The reading's real date in the house's time zone. */
    takenOn: date('taken_on').notNull(),
    /** owner | staff | import | demo */
    source: text('source').notNull(),
    submittedByPersonId: uuid('submitted_by_person_id').references(() => persons.id),
    /** null, or the rule that flagged the reading (an import's decrease, a confirmed jump). */
    flag: text('flag'),
    /** rollover | jump: what the person confirmed */
    confirmed: text('confirmed'),
    billable: boolean('billable').notNull().default(true),
    /** verification_expired | lower_than_previous | late_not_counted */
    notBillableReason: text('not_billable_reason'),
    photoFileId: uuid('photo_file_id').references(() => storedFiles.id),
    importId: uuid('import_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meter_readings_regular_key')
      .on(table.meterId, table.zone, table.period)
      .where(sql`kind = 'regular'`),
    index('meter_readings_meter_idx').on(table.meterId, table.zone, table.takenOn),
    index('meter_readings_period_idx').on(table.period),
  ],
);

/** Periods of a house taken into billing: their readings are frozen (case C13). */
export const meterPeriodLocks = pgTable(
  'meter_period_locks',
  {
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    period: text('period').notNull(),
    billingRunId: uuid('billing_run_id').notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.houseId, table.period] })],
);

/** An organisation's meter settings; absent row = the rules' defaults. */
export const meterSettings = pgTable(
  'meter_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    windowStartDay: integer('window_start_day').notNull(),
    windowEndDay: integer('window_end_day').notNull(),
    /** next_period | not_counted */
    latePolicy: text('late_policy').notNull(),
    /** flag | refuse: what a staff import does with a reading lower than the previous one */
    decreasePolicy: text('decrease_policy').notNull(),
    /** A reading above jumpFactor × the average monthly consumption asks for confirmation. */
    jumpFactor: integer('jump_factor').notNull(),
    /** A common-house meter off the sum of the individual ones by more than this % is flagged. */
    imbalanceTolerancePercent: integer('imbalance_tolerance_percent').notNull(),
    /** Consumption norms per resident per month by resource, exact decimals: {cold_water: '4.9'}. */
    norms: jsonb('norms').notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check(
      'meter_settings_window_valid',
      sql`window_start_day BETWEEN 1 AND 31 AND window_end_day BETWEEN 1 AND 31
        AND window_start_day <= window_end_day`,
    ),
  ],
);

/** A staff import of readings and its per-row report. */
export const meterReadingImports = pgTable('meter_reading_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  fileId: uuid('file_id').references(() => storedFiles.id),
  fileName: text('file_name'),
  createdByPersonId: uuid('created_by_person_id').references(() => persons.id),
  rowsTotal: integer('rows_total').notNull().default(0),
  rowsImported: integer('rows_imported').notNull().default(0),
  rowsFlagged: integer('rows_flagged').notNull().default(0),
  rowsRefused: integer('rows_refused').notNull().default(0),
  /** The refused and flagged rows (line, code, message), capped; the good rows are readings. */
  problems: jsonb('problems').notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A kind of reminder a person turned off: window_open | window_closing | verification_due. */
export const meterReminderOptOuts = pgTable(
  'meter_reminder_opt_outs',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind] })],
);

/** Reminders already sent, so a repeated job run never sends one twice. */
export const meterRemindersSent = pgTable(
  'meter_reminders_sent',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').notNull(),
    /** The period (window reminders) or the meter id and due date (verification). */
    subject: text('subject').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind, table.subject] })],
);
