// Tables of the documents module (exported to drizzle through src/server/platform/db/schema.ts).
import { sql } from 'drizzle-orm';
import {
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
import { persons, users } from '../identity/identity.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { personalAccounts, premises } from '../premises/premises.tables.js';
import { storedFiles } from '../../platform/files/files.tables.js';

// Exactly one owner per scope: a person's own papers, a house's documents, an organisation's archive.
const ONE_SCOPE = sql`(scope = 'personal' AND person_id IS NOT NULL AND house_id IS NULL)
  OR (scope = 'house' AND house_id IS NOT NULL AND organisation_id IS NOT NULL)
  OR (scope = 'organisation' AND organisation_id IS NOT NULL AND house_id IS NULL)`;

/** A folder of one scope; documents may sit in one or in none. */
export const documentFolders = pgTable(
  'document_folders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** personal | house | organisation */
    scope: text('scope').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    houseId: uuid('house_id').references(() => houses.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('document_folders_scope', ONE_SCOPE)],
);

/**
 * A document: its card (title, kind, tags, folder) and status; the bytes are its versions. A
 * signed document is frozen — a change is a new document that supersedes it.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope').notNull(),
    /** The owner of personal documents; the addressee of an act sent for signature. */
    personId: uuid('person_id').references(() => persons.id),
    houseId: uuid('house_id').references(() => houses.id),
    /** The organisation whose archive holds it (also the house's manager for house documents). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    folderId: uuid('folder_id').references(() => documentFolders.id),
    /** contract | act | technical | licence | protocol | certificate | personal | other */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** active | awaiting_signature | signed | superseded */
    status: text('status').notNull().default('active'),
    supersedesId: uuid('supersedes_id'),
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('documents_scope', ONE_SCOPE),
    index('documents_person_idx').on(table.personId),
    index('documents_house_idx').on(table.houseId),
    index('documents_organisation_idx').on(table.organisationId),
  ],
);

/** One uploaded file of a document; never updated, never deleted (a trigger enforces it). */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    number: integer('number').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('document_versions_number_key').on(table.documentId, table.number)],
);

/**
 * A signature over one version. `simple`: a ПЭП confirmed with a one-time code (63-ФЗ ст. 9),
 * `enhanced`: a detached CMS signature checked cryptographically.
 */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id),
    method: text('method').notNull(),
    /** SHA-256 of the signed bytes in hex, recorded at signing. */
    sha256: text('sha256').notNull(),
    signerUserId: uuid('signer_user_id').references(() => users.id),
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    /** The one-time code's challenge (never the code itself). */
    codeChallengeId: uuid('code_challenge_id'),
    /** Version of the user agreement that makes a ПЭП binding for this person. */
    agreementVersion: text('agreement_version'),
    /** The copy carrying the visible signature stamp. */
    stampedFileId: uuid('stamped_file_id').references(() => storedFiles.id),
    /** The uploaded `.sig`/`.p7s` of an enhanced signature. */
    signatureFileId: uuid('signature_file_id').references(() => storedFiles.id),
    /** valid | invalid; the reason and the certificate's facts are in `details`. */
    verdict: text('verdict').notNull(),
    details: jsonb('details').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('document_signatures_document_idx').on(table.documentId)],
);

/** The organisation asks a person to sign a document (act, contract); both follow its status. */
export const signatureRequests = pgTable(
  'signature_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    signerPersonId: uuid('signer_person_id')
      .notNull()
      .references(() => persons.id),
    premiseId: uuid('premise_id').references(() => premises.id),
    /** pending | signed | declined | cancelled */
    status: text('status').notNull().default('pending'),
    message: text('message'),
    declineReason: text('decline_reason'),
    signatureId: uuid('signature_id').references(() => documentSignatures.id),
    sentBy: uuid('sent_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    index('signature_requests_signer_idx').on(table.signerPersonId, table.status),
    index('signature_requests_organisation_idx').on(table.organisationId, table.status),
  ],
);

/** A certificate (справка) the platform issued: its facts, its signed PDF, its public check. */
export const issuedCertificates = pgTable(
  'issued_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ownership | no_debt | utility_services */
    kind: text('kind').notNull(),
    number: text('number').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    personalAccountId: uuid('personal_account_id').references(() => personalAccounts.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** What the certificate states, as printed; shown again on the public page. */
    facts: jsonb('facts').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** SHA-256 of the issued PDF: a dropped file is compared with it. */
    sha256: text('sha256').notNull(),
    /** Random public id in the QR link. */
    publicId: text('public_id').notNull().unique(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validUntil: date('valid_until').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (table) => [index('issued_certificates_person_idx').on(table.personId)],
);

/** The key pair an organisation signs certificates with; the private key is stored sealed. */
export const organisationSigningKeys = pgTable('organisation_signing_keys', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  certificatePem: text('certificate_pem').notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
