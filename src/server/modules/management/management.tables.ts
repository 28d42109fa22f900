import { boolean, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

import { houses } from '../buildings/buildings.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * A management contract (договор управления) between an organisation and the owners of a house.
 * The house's managing organisation on a date is the one whose contract covers that date.
 */
export const managementContracts = pgTable(
  'management_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    houseId: uuid('house_id')
      .notNull()
      .references(() => houses.id),
    number: text('number'),
    signedOn: date('signed_on'),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    /** What ended it: expiry, owners' decision, licence revoked… */
    endedReason: text('ended_reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('management_contracts_house_idx').on(table.houseId),
    index('management_contracts_organisation_idx').on(table.organisationId),
    check('management_contracts_dates', sql`ended_on IS NULL OR ended_on >= started_on`),
  ],
);
