import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { storedFiles } from '../../platform/files/files.tables.js';
import { persons, users } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { premises } from '../premises/premises.tables.js';

/**
 * A user's identity assurance and identity documents. The passport and СНИЛС are stored
 * encrypted (AES-256-GCM); only their last digits are kept in clear, for masked display.
 */
export const identityAssurances = pgTable(
  'identity_assurances',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    /** basic | standard | verified */
    level: text('level').notNull().default('basic'),
    passportCipher: text('passport_cipher'),
    passportTail: text('passport_tail'),
    passportIssuedOn: date('passport_issued_on'),
    departmentCode: text('department_code'),
    snilsCipher: text('snils_cipher'),
    snilsTail: text('snils_tail'),
    /**
     * Keyed HMAC of the СНИЛС: finds the same СНИЛС on another account without decrypting anything
     * and without letting a leaked table be matched against a list of numbers.
     */
    snilsDigest: text('snils_digest'),
    documentsAt: timestamp('documents_at', { withTimezone: true }),
    /** document_scan | in_person_code | oidc */
    verifiedBy: text('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('identity_assurances_snils_digest_idx').on(table.snilsDigest)],
);

/** A request to verify a person's identity, decided by an identity operator. */
export const verificationRequests = pgTable(
  'verification_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** document_scan | in_person_code | oidc */
    method: text('method').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    /** pending | approved | rejected | expired */
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('verification_requests_status_idx').on(table.status, table.createdAt)],
);

/** A one-time code an operator hands to a person who came in with their passport. */
export const inPersonCodes = pgTable(
  'in_person_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the code; the code itself is shown to the operator once. */
    codeHash: text('code_hash').notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('in_person_codes_user_idx').on(table.userId)],
);

/** An invitation to join an organisation in a role; only the token's SHA-256 is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email'),
    phone: text('phone'),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('invitations_organisation_idx').on(table.organisationId)],
);

/** An owner's power of attorney letting a representative act for them on one premise. */
export const powersOfAttorney = pgTable(
  'powers_of_attorney',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    principalPersonId: uuid('principal_person_id')
      .notNull()
      .references(() => persons.id),
    representativeUserId: uuid('representative_user_id')
      .notNull()
      .references(() => users.id),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    /** Number and date of the paper document, e.g. «77 АА 1234567 от 01.02.2026». */
    documentReference: text('document_reference'),
    fileId: uuid('file_id').references(() => storedFiles.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('powers_of_attorney_representative_idx').on(table.representativeUserId),
    index('powers_of_attorney_premise_idx').on(table.premiseId),
  ],
);
