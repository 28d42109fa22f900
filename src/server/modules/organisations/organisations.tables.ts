import {
  type AnyPgColumn,
  boolean,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Management companies, ТСЖ/ЖСК, authorities and the platform operator. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** management_company | hoa (ТСЖ) | housing_coop (ЖСК) | authority | operator | other */
    kind: text('kind').notNull().default('management_company'),
    name: text('name').notNull(),
    /**
     * The organisation this one is a department of (a municipal administration's departments,
     * an inspection's divisions); null for a top-level organisation. Rights of the parent's
     * admin extend to its departments.
     */
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    /**
     * Deduplication and search key: quotes, case, ё and spacing folded (see domain/organisations).
     * Not unique: different ТСЖ share a name («Наш дом» six times in one city), and the portal
     * link tells them apart.
     */
    normalizedName: text('normalized_name').notNull(),
    inn: text('inn'),
    ogrn: text('ogrn'),
    /**
     * The organisation's page on the disclosure portal, when the registry gives one; the portal's
     * identity of the organisation, so one link is one organisation.
     */
    portalLink: text('portal_link'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organisations_normalized_name_idx').on(table.normalizedName),
    uniqueIndex('organisations_portal_link_key').on(table.portalLink),
  ],
);
