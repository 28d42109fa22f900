// Tables of billing's money side: the ledger, online payments and bank registries.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

import { houses } from '../buildings/buildings.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { personalAccounts } from '../premises/premises.tables.js';

/**
 * The ledger of a personal account: accruals, penalties and recalculations (positive: debt grows)
 * and payments (negative). Entries are never edited or deleted (a trigger refuses it); a mistake
 * is undone by a reversal entry that points at the entry it cancels.
 */
export const billingLedger = pgTable(
  'billing_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personalAccountId: uuid('personal_account_id')
      .notNull()
      .references(() => personalAccounts.id),
    entryOn: date('entry_on').notNull(),
    /** The billing period (YYYY-MM) the entry belongs to; a payment's designated period. */
    period: text('period'),
    /** accrual | penalty | recalculation | payment | reversal */
    kind: text('kind').notNull(),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
    service: text('service'),
    description: text('description').notNull(),
    /** What produced it: billing_run | online_payment | registry_line | manual */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    reversesId: uuid('reverses_id').unique(),
    createdBy: uuid('created_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('billing_ledger_account_idx').on(table.personalAccountId, table.entryOn),
    index('billing_ledger_source_idx').on(table.sourceType, table.sourceId),
  ],
);

/** A payment started online by a payer; the acquirer's callback settles it. No card data here. */
export const billingOnlinePayments = pgTable(
  'billing_online_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personalAccountId: uuid('personal_account_id')
      .notNull()
      .references(() => personalAccounts.id),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
    period: text('period'),
    /** created | pending | succeeded | declined | expired */
    status: text('status').notNull().default('created'),
    provider: text('provider').notNull(),
    providerPaymentId: text('provider_payment_id').unique(),
    declineReason: text('decline_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receiptNumber: text('receipt_number').unique(),
    ledgerEntryId: uuid('ledger_entry_id'),
  },
  (table) => [
    index('billing_online_payments_account_idx').on(table.personalAccountId),
    check('billing_online_payments_amount', sql`amount_kopecks > 0`),
  ],
);

/** Every callback an acquirer sent, verified or not, for the journal and for idempotency. */
export const billingAcquirerEvents = pgTable(
  'billing_acquirer_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    providerPaymentId: text('provider_payment_id'),
    outcome: text('outcome').notNull(),
    payload: jsonb('payload'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('billing_acquirer_events_key').on(table.provider, table.eventId)],
);

/**
 * The sandbox acquirer's own book: it plays the bank, so its state is kept apart from the
 * platform's payments, as a real bank's would be.
 */
export const sandboxAcquirerPayments = pgTable('sandbox_acquirer_payments', {
  id: text('id').primaryKey(),
  merchantOrderId: text('merchant_order_id').notNull(),
  amountKopecks: bigint('amount_kopecks', { mode: 'number' }).notNull(),
  description: text('description').notNull(),
  returnUrl: text('return_url').notNull(),
  callbackUrl: text('callback_url').notNull(),
  /** awaiting | succeeded | declined | timeout */
  status: text('status').notNull().default('awaiting'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

/** An imported bank payment registry; the same file (by hash) is imported only once. */
export const billingRegistries = pgTable(
  'billing_registries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    encoding: text('encoding').notNull(),
    linesCount: integer('lines_count').notNull(),
    paymentsCount: integer('payments_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    unmatchedCount: integer('unmatched_count').notNull(),
    errorCount: integer('error_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    totalKopecks: bigint('total_kopecks', { mode: 'number' }).notNull(),
    declaredTotalKopecks: bigint('declared_total_kopecks', { mode: 'number' }),
    totalsMatch: boolean('totals_match'),
    importedBy: uuid('imported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('billing_registries_file_key').on(table.organisationId, table.fileSha256)],
);

/**
 * A line of a registry. `lineIdentity` is the payment's content plus its occurrence number in
 * the file, so a line seen in an earlier file is not booked twice, while two identical separate
 * payments of one file are both kept.
 */
export const billingRegistryLines = pgTable(
  'billing_registry_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registryId: uuid('registry_id')
      .notNull()
      .references(() => billingRegistries.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    lineNo: integer('line_no').notNull(),
    raw: text('raw').notNull(),
    lineIdentity: text('line_identity'),
    /** matched | unmatched | error | duplicate */
    status: text('status').notNull(),
    paidOn: date('paid_on'),
    amountKopecks: bigint('amount_kopecks', { mode: 'number' }),
    feeKopecks: bigint('fee_kopecks', { mode: 'number' }),
    accountRef: text('account_ref'),
    payerName: text('payer_name'),
    purpose: text('purpose'),
    personalAccountId: uuid('personal_account_id').references(() => personalAccounts.id),
    ledgerEntryId: uuid('ledger_entry_id'),
    problem: text('problem'),
    matchedBy: uuid('matched_by'),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (table) => [
    unique('billing_registry_lines_identity_key').on(table.organisationId, table.lineIdentity),
    index('billing_registry_lines_registry_idx').on(table.registryId, table.lineNo),
    index('billing_registry_lines_status_idx').on(table.organisationId, table.status),
  ],
);

/** Rendering every ЕПД of a house for a period as one PDF, in the background. */
export const billingEpdBatches = pgTable('billing_epd_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  houseId: uuid('house_id')
    .notNull()
    .references(() => houses.id),
  period: text('period').notNull(),
  /** queued | running | done | failed */
  status: text('status').notNull().default('queued'),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  fileId: uuid('file_id'),
  error: text('error'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export type LedgerKind = 'accrual' | 'penalty' | 'recalculation' | 'payment' | 'reversal';
