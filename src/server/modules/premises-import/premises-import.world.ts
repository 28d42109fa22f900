import { premiseKey, type PremiseGroup } from '../../../domain/premises-import/across-rows.js';
import type { ImportRow, ParsedRow } from '../../../domain/premises-import/row.js';
import {
  personKey,
  premiseNumberKey,
  type PremiseKind,
} from '../../../domain/premises-import/values.js';
import type { Queryable } from '../../platform/db/database.js';
import type { AccountIndex } from './premises-import.accounts.js';
import {
  findAccounts,
  findEntrances,
  findOrganisationsByInn,
  findOwnershipsOfHouses,
  findPremisesByCadastral,
  findPremisesOfHouses,
  type StoredOwnership,
  type StoredPremise,
} from './premises-import.repo.js';

/**
 * What the platform stores that a file is judged against: the premises, rights, owners and
 * accounts of the houses it names, indexed the way the evaluation looks them up.
 */

export type World = {
  premises: Map<string, StoredPremise>;
  entrances: Set<string>;
  ownerships: Map<string, Map<string, StoredOwnership>>;
  /** Owners already known in each house: a person owning a flat and a parking place is one. */
  housePersons: Map<string, Map<string, string>>;
  organisations: Map<string, string>;
  cadastral: Map<string, StoredPremise & { address: string }>;
  accounts: AccountIndex;
};

export async function loadWorld(
  db: Queryable,
  organisationId: string,
  houseIds: string[],
  rows: ParsedRow[],
): Promise<World> {
  const stored = await findPremisesOfHouses(db, houseIds);
  const premises = new Map(
    stored.map((p) => [
      premiseKey(p.houseId, { kind: p.kind as PremiseKind, numberKey: premiseNumberKey(p.number) }),
      p,
    ]),
  );
  const ownerships = new Map<string, Map<string, StoredOwnership>>();
  const housePersons = new Map<string, Map<string, string>>();

  for (const o of await findOwnershipsOfHouses(db, houseIds)) {
    const key = ownershipKey(o);
    const byOwner = ownerships.get(o.premiseId) ?? new Map<string, StoredOwnership>();

    byOwner.set(key, o);
    ownerships.set(o.premiseId, byOwner);

    if (o.personId) {
      const persons = housePersons.get(o.houseId) ?? new Map<string, string>();

      persons.set(key, persons.get(key) ?? o.personId);
      housePersons.set(o.houseId, persons);
    }
  }

  const facts = rows.map((entry) => entry.row!);
  const inns = facts.flatMap((r) => (r.owner && r.owner.kind !== 'person' ? [r.owner.inn] : []));
  const cadastralNumbers = facts.flatMap((r) => r.premise.cadastralNumber ?? []);
  const organisations = new Map<string, string>();

  for (const org of await findOrganisationsByInn(db, [...new Set(inns)])) {
    organisations.set(org.inn, organisations.get(org.inn) ?? org.id);
  }

  return {
    premises,
    entrances: new Set((await findEntrances(db, houseIds)).map((e) => `${e.houseId}|${e.number}`)),
    ownerships,
    housePersons,
    organisations,
    cadastral: new Map(
      (await findPremisesByCadastral(db, [...new Set(cadastralNumbers)])).map((p) => [
        p.cadastralNumber!,
        p,
      ]),
    ),
    accounts: await loadAccounts(db, organisationId, facts, stored),
  };
}

async function loadAccounts(
  db: Queryable,
  organisationId: string,
  facts: ImportRow[],
  premises: StoredPremise[],
): Promise<AccountIndex> {
  const accounts = await findAccounts(db, organisationId, {
    numbers: [...new Set(facts.flatMap((r) => r.account?.number ?? []))],
    localNumbers: [...new Set(facts.flatMap((r) => r.account?.localNumber?.toLowerCase() ?? []))],
    premiseIds: premises.map((p) => p.id),
  });
  const index: AccountIndex = { byNumber: new Map(), byLocal: new Map(), openByPremise: new Map() };

  for (const account of accounts) {
    index.byNumber.set(account.number, account);

    if (account.organisationId === organisationId && account.localNumber) {
      index.byLocal.set(account.localNumber.toLowerCase(), account);
    }

    if (account.organisationId === organisationId && !account.closedOn) {
      const open = index.openByPremise.get(account.premiseId) ?? [];

      open.push(account);
      index.openByPremise.set(account.premiseId, open);
    }
  }

  return index;
}

/** Stored rights of the premise whose holders the file does not list: they keep their shares. */
export function unrestatedShares(world: World, group: PremiseGroup) {
  const stored = world.premises.get(group.key);
  const listed = new Set(group.rows.flatMap((row) => (row.owner ? [row.owner.key] : [])));

  return [...(stored ? (world.ownerships.get(stored.id)?.values() ?? []) : [])]
    .filter((o) => !listed.has(ownershipKey(o)))
    .map((o) => ({ numerator: o.shareNumerator, denominator: o.shareDenominator }));
}

export function ownershipKey(o: StoredOwnership): string {
  return o.personId
    ? personKey({ surname: o.surname ?? '', name: o.name ?? '', patronymic: o.patronymic })
    : o.inn
      ? `inn:${o.inn}`
      : `org:${o.organisationId}`;
}
