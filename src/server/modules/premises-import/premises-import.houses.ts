import { addressTokens } from '../../../domain/address/address-search.js';
import type { Queryable } from '../../platform/db/database.js';
import { findHousesAnywhere, findManagedHouses, type HouseRow } from './premises-import.repo.js';

/**
 * Finds the house each row names: by the platform's house id, by the registry's HOUSE_ID, or by
 * address. An address may leave out the region and city («ул. Малышева, д. 15»): among the
 * organisation's houses it is enough that the stored address ends with the same words.
 */

export type HouseMatch =
  | { ok: true; house: HouseRow }
  | {
      ok: false;
      code: 'house_not_found' | 'house_not_managed' | 'house_ambiguous' | 'house_not_chosen';
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PORTAL_ID = /^\d{1,15}$/;

type Ref =
  { kind: 'id'; id: string } | { kind: 'portal'; id: number } | { kind: 'address'; words: string };

function classify(ref: string): Ref {
  const text = ref.trim();

  if (UUID.test(text)) {
    return { kind: 'id', id: text.toLowerCase() };
  }

  if (PORTAL_ID.test(text)) {
    return { kind: 'portal', id: Number(text) };
  }

  return { kind: 'address', words: addressTokens(text).join(' ') };
}

function endsWithWords(searchText: string, words: string): boolean {
  return searchText === words || searchText.endsWith(` ${words}`);
}

export async function resolveHouses(
  db: Queryable,
  organisationId: string,
  refs: Iterable<string>,
): Promise<Map<string, HouseMatch>> {
  const managed = await findManagedHouses(db, organisationId);
  const classified = new Map([...new Set(refs)].map((ref) => [ref, classify(ref)]));
  const result = new Map<string, HouseMatch>();
  const unresolved: [string, Ref][] = [];

  for (const [ref, parsed] of classified) {
    const candidates = managed.filter((house) =>
      parsed.kind === 'id'
        ? house.id === parsed.id
        : parsed.kind === 'portal'
          ? Number(house.portalId) === parsed.id
          : parsed.words !== '' && endsWithWords(house.searchText, parsed.words),
    );

    if (candidates.length === 1) {
      result.set(ref, { ok: true, house: candidates[0]! });
    } else if (candidates.length > 1) {
      result.set(ref, { ok: false, code: 'house_ambiguous' });
    } else {
      unresolved.push([ref, parsed]);
    }
  }

  if (unresolved.length > 0) {
    // Not one of ours: say whether the house exists at all, so the message points at the cause.
    const elsewhere = await findHousesAnywhere(db, organisationId, {
      ids: unresolved.flatMap(([, r]) => (r.kind === 'id' ? [r.id] : [])),
      portalIds: unresolved.flatMap(([, r]) => (r.kind === 'portal' ? [r.id] : [])),
      searchTexts: unresolved.flatMap(([, r]) => (r.kind === 'address' ? [r.words] : [])),
    });

    for (const [ref, parsed] of unresolved) {
      const known = elsewhere.some((house) =>
        parsed.kind === 'id'
          ? house.id === parsed.id
          : parsed.kind === 'portal'
            ? Number(house.portalId) === parsed.id
            : endsWithWords(house.searchText, parsed.words),
      );

      result.set(ref, { ok: false, code: known ? 'house_not_managed' : 'house_not_found' });
    }
  }

  return result;
}
