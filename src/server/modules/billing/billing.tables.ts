// Tables of the billing module (exported to drizzle through src/server/platform/db/schema.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
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

import { houses } from '../buildings/buildings.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { personalAccounts } from '../premises/premises.tables.js';

export * from './billing-money.tables.js';

/**
 * An organisation's billing settings: the payee's bank details printed on the ЕПД and in its QR,
 * the executor's contacts (Приказ 43/пр section 1) and the rules its runs follow.
 */
export const billingSettings = pgTable('billing_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  payeeName: text('payee_name').notNull(),
  inn: text('inn').notNull(),
  kpp: text('kpp'),
  bankName: text('bank_name').notNull(),
  bik: text('bik').notNull(),
  correspondentAccount: text('correspondent_account').notNull(),
  settlementAccount: text('settlement_account').notNull(),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  officeHours: text('office_hours'),
  /** The day of the next month a period's bill is due (ЖК ст. 155 ч. 1: the 10th). */
  paymentDueDay: integer('payment_due_day').notNull().default(10),
  /** oldest_first | designated_first: where a payment goes before the oldest debt. */
  allocation: text('allocation').notNull().default('oldest_first'),
  /** ПП 354 п. 59: the months an average is taken over and the periods it may be used for. */
  averageBaseMonths: integer('average_base_months').notNull().default(6),
  averageMaxPeriods: integer('average_max_periods').notNull().default(3),
  /** Distribute the common-house meter's excess over individual volumes by area (ОДН). */
  commonHouseShare: boolean('common_house_share').notNull().default(false),
  penalties: boolean('penalties').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A tariff of a service for an organisation, for one house or (house null) all its houses, in
 * force from a date. `rate` is roubles per unit with four decimals, as the tariff decision gives it.
 */
export const billingTariffs = pgTable(
  'billing_tariffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id').references(() => houses.id),
    service: text('service').notNull(),
    /** single | day | night | peak | semi_peak (electricity zones). */
    zone: text('zone').notNull().default('single'),
    rate: numeric('rate', { precision: 14, scale: 4 }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: uuid('created_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('billing_tariffs_org_idx').on(table.organisationId, table.service),
    check('billing_tariffs_rate', sql`rate >= 0`),
    check('billing_tariffs_dates', sql`valid_to IS NULL OR valid_to >= valid_from`),
  ],
);

/**
 * A consumption norm (норматив) per person per month, or per m² for heating, in force from a
 * date; used when a premise has no meter or no reading for longer than averages may be used.
 */
export const billingNorms = pgTable(
  'billing_norms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id').references(() => houses.id),
    service: text('service').notNull(),
    zone: text('zone').notNull().default('single'),
    quantity: numeric('quantity', { precision: 14, scale: 4 }).notNull(),
    /** per_person | per_m2 */
    basis: text('basis').notNull().default('per_person'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (table) => [index('billing_norms_org_idx').on(table.organisationId, table.service)],
);

/**
 * One billing run of a house for a period. Rerunning the period replaces its draft charges;
 * closing it posts them to the ledger and locks the period for good.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    /** YYYY-MM */
    period: text('period').notNull(),
    /** queued | running | draft | failed | closed */
    status: text('status').notNull().default('queued'),
    accountsTotal: integer('accounts_total').notNull().default(0),
    accountsDone: integer('accounts_done').notNull().default(0),
    chargedKopecks: bigint('charged_kopecks', { mode: 'number' }).notNull().default(0),
    penaltyKopecks: bigint('penalty_kopecks', { mode: 'number' }).notNull().default(0),
    jobId: text('job_id'),
    error: text('error'),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (table) => [
    unique('billing_runs_house_period_key').on(table.houseId, table.period),
    index('billing_runs_org_idx').on(table.organisationId, table.period),
  ],
);

/**
 * A line of a run: one service of one account with its volume, tariff and amount, and the words
 * that explain where the volume came from. Draft lines are replaced by a rerun.
 */
export const billingCharges = pgTable(
  'billing_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => billingRuns.id),
    personalAccountId: uuid('personal_account_id')
      .notNull()
      .references(() => personalAccounts.id),
    period: text('period').notNull(),
    service: text('service').notNull(),
    zone: text('zone').notNull().default('single'),
    /** charge | recalculation | penalty */
    kind: text('kind').notNull().default('charge'),
    /** area | metered | average | norm | common_house | fixed | manual | penalty */
    method: text('method').notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 4 }),
    unit: text('unit'),
    rate: numeric('rate', { precision: 14, scale: 4 }),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
    explanation: text('explanation').notNull(),
    /** For recalculations: the ground (основание) and the period it corrects. */
    ground: text('ground'),
    correctsPeriod: text('corrects_period'),
  },
  (table) => [
    index('billing_charges_run_idx').on(table.runId),
    index('billing_charges_account_idx').on(table.personalAccountId, table.period),
  ],
);

/**
 * A recalculation ordered for a closed period: it is never an edit of the past but a signed line
 * of the next run of the account's house, with its ground.
 */
export const billingRecalculations = pgTable(
  'billing_recalculations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personalAccountId: uuid('personal_account_id')
      .notNull()
      .references(() => personalAccounts.id),
    service: text('service').notNull(),
    correctsPeriod: text('corrects_period').notNull(),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
    ground: text('ground').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedRunId: uuid('applied_run_id').references(() => billingRuns.id),
  },
  (table) => [index('billing_recalculations_account_idx').on(table.personalAccountId)],
);
