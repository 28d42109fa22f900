import { toCenti } from '../../../domain/premises/split-area.js';
import type { Queryable } from '../../platform/db/database.js';
import type { RegistryAdapter, RegistryObject } from './registry-adapter.js';
import { findStoredObjects, type StoredObject } from './registry.repo.js';

/**
 * The embedded registry: the local copy of extracts imported with `mpdom import registry` (or
 * through the API), in `registry_objects` and `registry_rights`.
 */
export function localRegistryAdapter(db: Queryable): RegistryAdapter {
  return {
    name: 'local',
    async findObject(cadastralNumber) {
      const stored = (await findStoredObjects(db, [cadastralNumber])).get(cadastralNumber);

      return stored ? toRegistryObject(stored) : null;
    },
  };
}

export function toRegistryObject(stored: StoredObject): RegistryObject {
  return {
    cadastralNumber: stored.cadastralNumber,
    address: stored.address,
    houseId: stored.houseId,
    premiseNumber: stored.premiseNumber,
    kind: stored.kind,
    areaCenti: toCenti(stored.area),
    extractedOn: stored.extractedOn,
    rights: stored.rights.map(({ numerator, denominator, ...right }) => ({
      ...right,
      share: { numerator, denominator },
    })),
  };
}
