import type { Queryable } from '../../platform/db/database.js';
import {
  findManagingOrganisation,
  findOperatorOrganisation,
  insertOperatorOrganisation,
} from './claim-premises.repo.js';

/**
 * The organisation whose queue decides a claim on a house: its managing organisation, else the
 * platform operator. A platform without an operator organisation yet gets one on the first claim
 * that needs it, so no conflict is ever left without a queue.
 */
export async function routeClaim(tx: Queryable, houseId: string): Promise<string> {
  const manager = await findManagingOrganisation(tx, houseId);

  if (manager) {
    return manager;
  }

  const operator = await findOperatorOrganisation(tx);

  if (operator) {
    return operator;
  }

  // Two first claims at once would otherwise create two operators.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('property_claim:operator'))`);

  return (await findOperatorOrganisation(tx)) ?? insertOperatorOrganisation(tx);
}
