import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

import { storedFiles } from '../../platform/files/files.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Houses as the registry describes them. Every registry value that may be missing is nullable:
 * "Не заполнено" becomes NULL, never zero. Areas are exact decimals in square metres.
 */
export const houses = pgTable(
  'houses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** HOUSE_ID of the disclosure portal; the key a newer extract updates by. */
    portalId: bigint('portal_id', { mode: 'number' }).notNull().unique(),
    address: text('address').notNull(),
    /** Address folded for search: lower case, ё→е, abbreviations dropped, single spaces. */
    searchText: text('search_text').notNull(),
    /** Address words with every number zero-padded, so «д. 2» sorts before «д. 10». */
    sortKey: text('sort_key').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    yearBuilt: integer('year_built'),
    /** LASTUPDATE of the portal, as it stood in the extract. */
    portalUpdatedAt: timestamp('portal_updated_at', { withTimezone: true }),
    serviceStartedOn: text('service_started_on'),
    series: text('series'),
    houseType: text('house_type'),
    capitalRepairFund: text('capital_repair_fund'),
    managingOrganisationId: uuid('managing_organisation_id').references(() => organisations.id),
    isEmergency: boolean('is_emergency'),
    floorsMax: integer('floors_max'),
    floorsMin: integer('floors_min'),
    entrances: integer('entrances'),
    premisesCount: integer('premises_count'),
    residentialPremisesCount: integer('residential_premises_count'),
    nonResidentialPremisesCount: integer('non_residential_premises_count'),
    areaTotal: numeric('area_total', { precision: 12, scale: 2 }),
    areaResidential: numeric('area_residential', { precision: 12, scale: 2 }),
    areaNonResidential: numeric('area_non_residential', { precision: 12, scale: 2 }),
    areaCommon: numeric('area_common', { precision: 12, scale: 2 }),
    areaLand: numeric('area_land', { precision: 12, scale: 2 }),
    areaParking: numeric('area_parking', { precision: 12, scale: 2 }),
    cadastralNumber: text('cadastral_number'),
    energyClass: text('energy_class'),
    playground: text('playground'),
    sportsGround: text('sports_ground'),
    otherImprovements: text('other_improvements'),
    notes: text('notes'),
    /** Columns of other regions' extracts that this schema has no place for yet. */
    extra: jsonb('extra').$type<Record<string, string>>(),
    /** IANA zone for business dates and deadlines of this house. */
    timeZone: text('time_zone').notNull().default('Asia/Yekaterinburg'),
    /** Digest of the source row; an unchanged row on re-import is skipped without a write. */
    sourceHash: text('source_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('houses_managing_organisation_idx').on(table.managingOrganisationId),
    index('houses_sort_key_idx').on(sql`${table.sortKey} COLLATE "C"`),
  ],
);

/** One row per import of a registry file, with its report. */
export const importRuns = pgTable('import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  rowsRead: integer('rows_read').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  /** Skipped rows with line numbers and reasons, plus warnings. */
  report: jsonb('report').$type<unknown>(),
  /** The organisation a premises import was made for; null for registry-wide imports. */
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** The uploaded file the run read, kept in platform files so a commit re-reads the same bytes. */
  fileId: uuid('file_id').references(() => storedFiles.id),
  /** The user who uploaded the file; null for the command line. */
  startedBy: uuid('started_by'),
  /** When a previewed premises import was applied; null while it is only a preview. */
  committedAt: timestamp('committed_at', { withTimezone: true }),
});
