import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Management companies, ТСЖ/ЖСК, authorities and the platform operator. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** management_company | hoa (ТСЖ) | housing_coop (ЖСК) | authority | operator | other */
  kind: text('kind').notNull().default('management_company'),
  name: text('name').notNull(),
  /** Deduplication key: quotes, case, ё and spacing folded (see domain/organisations). */
  normalizedName: text('normalized_name').notNull().unique(),
  inn: text('inn'),
  ogrn: text('ogrn'),
  /** Link to the organisation's page on the disclosure portal, when the registry gives one. */
  portalLink: text('portal_link'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
