import { formatAreaCenti } from '../../../domain/property-claims/area.js';
import { premiseNumberKey } from '../../../domain/property-claims/matching.js';
import {
  addShares,
  compareShares,
  sumShares,
  WHOLE,
  type Share,
} from '../../../domain/shares/fraction.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { RegistryObject, RegistryRight } from '../registry/registry-adapter.js';
import {
  findLiveOwnerships,
  findPremiseByCadastral,
  findPremisesOfKind,
  insertOwnership,
  insertPremise,
  setPremiseCadastral,
  type OwnershipShareRow,
  type PremiseRow,
} from './claim-premises.repo.js';

/** The object a claim is about, as the platform will record it. */
export type ObjectFigures = {
  houseId: string;
  kind: string;
  number: string;
  areaCenti: number;
  cadastralNumber: string;
};

/**
 * The figures of record: the registry's wherever it knows them (it is the legal record of the
 * right), the claim's where it does not (an object or a house the local extracts lack).
 */
export function figuresOf(
  claim: ObjectFigures,
  registry: Pick<RegistryObject, 'houseId' | 'kind' | 'premiseNumber' | 'areaCenti'> | null,
): ObjectFigures {
  if (!registry) {
    return claim;
  }

  return {
    houseId: registry.houseId ?? claim.houseId,
    kind: registry.kind,
    number: registry.premiseNumber ?? claim.number,
    areaCenti: registry.areaCenti,
    cadastralNumber: claim.cadastralNumber,
  };
}

/**
 * The platform premise of the object: the one carrying its cadastral number, else the one of
 * that house and kind whose number reads the same («К-1» and «к1» are one premise).
 */
export async function findObjectPremise(
  db: Queryable,
  figures: ObjectFigures,
): Promise<PremiseRow | null> {
  const byCadastral = await findPremiseByCadastral(db, figures.cadastralNumber);

  if (byCadastral) {
    return byCadastral;
  }

  const key = premiseNumberKey(figures.number);
  const candidates = await findPremisesOfKind(db, figures.houseId, figures.kind);

  return candidates.find((premise) => premiseNumberKey(premise.number) === key) ?? null;
}

export function sharesOf(ownerships: OwnershipShareRow[]): Share[] {
  return ownerships.map((o) => ({ numerator: o.numerator, denominator: o.denominator }));
}

export type OwnershipRecord = {
  claimId: string;
  personId: string;
  share: Share;
  titleDocument: string;
  titleDate: string | null;
  /** The claimant's registered rights on the object; empty when the registry does not list them. */
  rights: Pick<RegistryRight, 'registrationNumber' | 'registeredOn'>[];
};

/**
 * Records the ownership a confirmed or approved claim proves, creating the premise from the
 * figures of record when the platform has none yet. Refuses with `shares_exceed_whole` when the
 * owners' shares would pass one. Call inside the transaction that holds the object's lock.
 */
export async function recordClaimOwnership(
  tx: Queryable,
  figures: ObjectFigures,
  record: OwnershipRecord,
): Promise<{ premiseId: string; ownershipId: string }> {
  const premise = await findObjectPremise(tx, figures);
  const premiseId = premise ? premise.id : await insertPremise(tx, premiseOf(figures));

  if (premise && premise.cadastralNumber === null) {
    await setPremiseCadastral(tx, premise.id, figures.cadastralNumber);
  }

  const live = premise ? await findLiveOwnerships(tx, premise.id) : [];
  const already = live.find((ownership) => ownership.personId === record.personId);

  // The right is on the platform already (an organisation's import got there first).
  if (already) {
    return { premiseId, ownershipId: already.id };
  }

  if (compareShares(addShares(sumShares(sharesOf(live)), record.share), WHOLE) > 0) {
    throw new AppError('shares_exceed_whole', {
      extra: { premiseId, taken: live.length },
    });
  }

  const latest = [...record.rights].sort((a, b) => b.registeredOn.localeCompare(a.registeredOn));
  const ownershipId = await insertOwnership(tx, {
    premiseId,
    personId: record.personId,
    numerator: record.share.numerator,
    denominator: record.share.denominator,
    titleDocument: record.titleDocument,
    startedOn: latest[0]?.registeredOn ?? record.titleDate,
    rightNumber: latest.map((right) => right.registrationNumber).join('; ') || null,
    rightRegisteredOn: latest[0]?.registeredOn ?? null,
    claimId: record.claimId,
  });

  return { premiseId, ownershipId };
}

function premiseOf(figures: ObjectFigures) {
  return {
    houseId: figures.houseId,
    number: figures.number,
    kind: figures.kind,
    area: formatAreaCenti(figures.areaCenti),
    cadastralNumber: figures.cadastralNumber,
  };
}
