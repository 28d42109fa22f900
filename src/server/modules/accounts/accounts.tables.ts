import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { persons, users } from '../identity/identity.tables.js';

/**
 * A registration in progress. Nothing permanent (person, user, contact, consent) exists until the
 * password step turns it into an account in one transaction; an abandoned one simply expires.
 */
export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  surname: text('surname').notNull(),
  name: text('name').notNull(),
  patronymic: text('patronymic'),
  /** E.164. */
  phone: text('phone'),
  /** Lower case. */
  email: text('email'),
  phoneConfirmedAt: timestamp('phone_confirmed_at', { withTimezone: true }),
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  personalDataConsentVersion: text('personal_data_consent_version'),
  userAgreementVersion: text('user_agreement_version'),
  consentedAt: timestamp('consented_at', { withTimezone: true }),
  consentIp: text('consent_ip'),
  consentUserAgent: text('consent_user_agent'),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  userId: uuid('user_id').references(() => users.id),
});

/** A person's phone numbers and e-mail addresses; `confirmedAt` is set by a one-time code. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    userId: uuid('user_id').references(() => users.id),
    /** phone | email */
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('contacts_person_value_idx').on(table.personId, table.kind, table.value),
    index('contacts_value_idx').on(table.kind, table.value),
  ],
);

/**
 * One issued one-time code. Only an HMAC of the code is stored, never the code; `subjectId` is
 * the registration or recovery it confirms.
 */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** registration | recovery */
    purpose: text('purpose').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** phone | email */
    contactKind: text('contact_kind').notNull(),
    contact: text('contact').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Wrong codes checked so far. */
    attempts: integer('attempts').notNull().default(0),
    /** The pause after a wrong code: nothing is compared before this moment. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [
    index('otp_challenges_subject_idx').on(table.purpose, table.subjectId, table.contactKind),
  ],
);

/** Codes sent per phone, e-mail address and client IP per calendar day (C26 daily caps). */
export const otpCounters = pgTable(
  'otp_counters',
  {
    /** phone | email | ip */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** YYYY-MM-DD in the policy's time zone. */
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.scope, table.key, table.day] })],
);

/** Consents and acceptances (152-ФЗ ст. 9; 63-ФЗ ст. 9), each with its text version. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** personal_data | user_agreement */
    kind: text('kind').notNull(),
    textVersion: text('text_version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [index('consents_person_idx').on(table.personId)],
);

/**
 * Sign-in failures and locks per login as typed (normalised), whether or not an account has that
 * login, so that a lock reveals nothing about accounts.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  loginKey: text('login_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockLevel: integer('lock_level').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A password recovery in progress. `userId` is null when the login matched no account. */
export const recoveries = pgTable('recoveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  loginKey: text('login_key').notNull(),
  userId: uuid('user_id').references(() => users.id),
  contactKind: text('contact_kind'),
  contact: text('contact'),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
