import type { Queryable } from '../../platform/db/database.js';
import type { DemoHouse } from './demo.houses.js';
import { seedDemoMeters } from './demo.meters.js';
import { seedDemoBilling } from './demo.billing.js';
import { seedDemoServiceRequests } from './demo.service-requests.js';
import { seedDemoMeetings } from './demo.meetings.js';
import { seedDemoDocuments } from './demo.documents.js';

/**
 * The demo data of each domain module, in dependency order: meters before billing (billing reads
 * readings), the rest on their own. Runs inside the demo transaction, after the ledger.
 */
export async function seedDemoModules(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  await seedDemoMeters(tx, houses);
  await seedDemoBilling(tx, houses);
  await seedDemoServiceRequests(tx, houses);
  await seedDemoMeetings(tx, houses);
  await seedDemoDocuments(tx, houses);
}
