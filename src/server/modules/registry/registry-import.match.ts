import {
  houseMatchKey,
  splitPremiseAddress,
} from '../../../domain/registry-extract/premise-address.js';
import type { Queryable } from '../../platform/db/database.js';
import { findHousesByKeys, findHousesBySuffix, type HouseCandidate } from './registry.repo.js';

export type HouseMatch =
  { houseId: string } | { houseId: null; reason: 'no_house' | 'ambiguous'; house: string };

/**
 * Finds the platform house of each address. The house registry has a few houses twice under
 * spellings that fold alike («д. 21, к. 2» and «д. 21., к. 2»); of those, the one the platform
 * keeps premises for is meant. An address that fits no house, or several alike, stays
 * unmatched: the object is stored all the same and the report lists it.
 */
export async function matchHouses(
  db: Queryable,
  addresses: string[],
): Promise<Map<string, HouseMatch>> {
  const keyOf = new Map(addresses.map((address) => [address, houseMatchKey(address)]));
  const keys = [...new Set([...keyOf.values()].filter(Boolean))];
  const exact = groupByKey(await findHousesByKeys(db, keys));
  const rest = keys.filter((key) => !exact.has(key));
  const bySuffix = groupByKey(await findHousesBySuffix(db, rest));
  const matches = new Map<string, HouseMatch>();

  for (const [address, key] of keyOf) {
    const candidates = exact.get(key) ?? bySuffix.get(key) ?? [];
    const chosen = choose(candidates);
    const house = splitPremiseAddress(address).house;

    matches.set(
      address,
      chosen
        ? { houseId: chosen }
        : { houseId: null, reason: candidates.length > 1 ? 'ambiguous' : 'no_house', house },
    );
  }

  return matches;
}

function groupByKey(rows: HouseCandidate[]) {
  const groups = new Map<string, HouseCandidate[]>();

  for (const row of rows) {
    groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  }

  return groups;
}

function choose(candidates: HouseCandidate[]): string | null {
  if (candidates.length === 1) {
    return candidates[0]!.id;
  }

  const withPremises = candidates.filter((candidate) => candidate.hasPremises);

  return withPremises.length === 1 ? withPremises[0]!.id : null;
}
