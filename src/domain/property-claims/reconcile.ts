import { checkCadastralNumber } from '../identifiers/checksums.js';
import {
  addShares,
  compareShares,
  formatShare,
  sumShares,
  WHOLE,
  type Share,
} from '../shares/fraction.js';
import { formatAreaCenti } from './area.js';
import { premiseNumberKey } from './matching.js';

/**
 * The automatic check of an owner's claim against the property registry (ЕГРН). Pure: the server
 * looks up the registry object and the shares already on the platform, this decides.
 */

export const PREMISE_KINDS = ['flat', 'non_residential', 'parking', 'storage'] as const;

export type PremiseKind = (typeof PREMISE_KINDS)[number];

/** Every way a claim can disagree with the registry or the platform, in the order they are named. */
export const MISMATCH_CODES = [
  'cadastral_format',
  'not_in_registry',
  'address',
  'premise_number',
  'kind',
  'area',
  'claimant_not_owner',
  'share_differs',
  'shares_exceed_whole',
] as const;

export type MismatchCode = (typeof MISMATCH_CODES)[number];

/** One difference, with what the owner claimed and what was found (display values, or null). */
export type Mismatch = { code: MismatchCode; claimed: string | null; found: string | null };

export type ClaimFacts = {
  cadastralNumber: string;
  house: { id: string; address: string };
  premiseNumber: string;
  premiseKind: PremiseKind;
  /** Hundredths of a square metre. */
  areaCenti: number;
  share: Share;
  /** Who claims: the key of their full name (see `personNameKey`) and their СНИЛС digest. */
  claimant: { nameKey: string; snilsDigest: string | null };
};

export type RightFacts = {
  ownerKind: 'person' | 'company' | 'municipality';
  ownerNameKey: string;
  ownerSnilsDigest: string | null;
  share: Share;
};

export type RegistryFacts<Right extends RightFacts = RightFacts> = {
  address: string;
  houseId: string | null;
  premiseNumber: string | null;
  kind: PremiseKind;
  areaCenti: number;
  rights: Right[];
};

/**
 * How far a claimed area may stray from the registry's and still match. Both limits apply: the
 * difference must be within `absoluteCenti` AND within `relativeBasisPoints` of the registry area.
 */
export type AreaTolerance = { absoluteCenti: number; relativeBasisPoints: number };

/**
 * 0.5 m² and 1 %, whichever is tighter. People copy the area from their title document, which
 * carries the registry's figure, so a real match differs only by rounding (45.27 typed as 45.3).
 * The absolute limit keeps a large flat from hiding a missing balcony inside "1 %"; the relative
 * one keeps a 4 m² storage room from passing with 12 % more than registered.
 */
export const DEFAULT_AREA_TOLERANCE: AreaTolerance = {
  absoluteCenti: 50,
  relativeBasisPoints: 100,
};

export type Reconciliation<Right extends RightFacts = RightFacts> = {
  outcome: 'match' | 'conflict';
  mismatches: Mismatch[];
  /** The registry rights that belong to the claimant (usually one), for the ownership record. */
  claimantRights: Right[];
};

export function areaWithinTolerance(
  claimedCenti: number,
  registryCenti: number,
  tolerance: AreaTolerance = DEFAULT_AREA_TOLERANCE,
): boolean {
  const difference = Math.abs(claimedCenti - registryCenti);

  // Basis points against hundredths: difference / registry ≤ bp / 10 000, without division.
  return (
    difference <= tolerance.absoluteCenti &&
    difference * 10_000 <= registryCenti * tolerance.relativeBasisPoints
  );
}

/**
 * A registry right is the claimant's when the СНИЛС digests agree; without a digest on both sides,
 * when the full names agree. A digest that disagrees wins over an equal name: namesakes exist,
 * two people with one СНИЛС do not.
 */
export function isClaimantsRight(right: RightFacts, claimant: ClaimFacts['claimant']): boolean {
  if (right.ownerKind !== 'person') {
    return false;
  }

  if (right.ownerSnilsDigest && claimant.snilsDigest) {
    return right.ownerSnilsDigest === claimant.snilsDigest;
  }

  return claimant.nameKey !== '' && right.ownerNameKey === claimant.nameKey;
}

/**
 * Compares the claim with the registry object (null when the registry has none) and with the
 * live shares other owners already hold on the platform. A full match has no mismatches.
 */
export function reconcileClaim<Right extends RightFacts>(
  claim: ClaimFacts,
  registry: RegistryFacts<Right> | null,
  platformShares: Share[],
  tolerance: AreaTolerance = DEFAULT_AREA_TOLERANCE,
): Reconciliation<Right> {
  if (!checkCadastralNumber(claim.cadastralNumber).valid) {
    return conflict([{ code: 'cadastral_format', claimed: claim.cadastralNumber, found: null }]);
  }

  const mismatches: Mismatch[] = [];
  const claimantRights = registry
    ? registry.rights.filter((right) => isClaimantsRight(right, claim.claimant))
    : [];

  if (!registry) {
    mismatches.push({ code: 'not_in_registry', claimed: claim.cadastralNumber, found: null });
  } else {
    mismatches.push(...objectMismatches(claim, registry, tolerance));
    mismatches.push(...rightMismatches(claim, claimantRights));
  }

  const taken = sumShares(platformShares);

  if (compareShares(addShares(taken, claim.share), WHOLE) > 0) {
    mismatches.push({
      code: 'shares_exceed_whole',
      claimed: formatShare(claim.share),
      found: formatShare(taken),
    });
  }

  return mismatches.length === 0
    ? { outcome: 'match', mismatches, claimantRights }
    : { outcome: 'conflict', mismatches, claimantRights };

  function conflict(found: Mismatch[]): Reconciliation<Right> {
    return { outcome: 'conflict', mismatches: found, claimantRights: [] };
  }
}

function objectMismatches(
  claim: ClaimFacts,
  registry: RegistryFacts,
  tolerance: AreaTolerance,
): Mismatch[] {
  const found: Mismatch[] = [];

  if (registry.houseId !== claim.house.id) {
    found.push({ code: 'address', claimed: claim.house.address, found: registry.address });
  }

  const sameNumber =
    registry.premiseNumber !== null &&
    premiseNumberKey(registry.premiseNumber) === premiseNumberKey(claim.premiseNumber);

  if (!sameNumber) {
    found.push({
      code: 'premise_number',
      claimed: claim.premiseNumber,
      found: registry.premiseNumber,
    });
  }

  if (registry.kind !== claim.premiseKind) {
    found.push({ code: 'kind', claimed: claim.premiseKind, found: registry.kind });
  }

  if (!areaWithinTolerance(claim.areaCenti, registry.areaCenti, tolerance)) {
    found.push({
      code: 'area',
      claimed: formatAreaCenti(claim.areaCenti),
      found: formatAreaCenti(registry.areaCenti),
    });
  }

  return found;
}

function rightMismatches(claim: ClaimFacts, claimantRights: RightFacts[]): Mismatch[] {
  if (claimantRights.length === 0) {
    return [{ code: 'claimant_not_owner', claimed: formatShare(claim.share), found: null }];
  }

  // Two registrations of one person (1/4 bought, 1/4 inherited) add up to what they hold.
  const registered = sumShares(claimantRights.map((right) => right.share));

  if (compareShares(registered, claim.share) !== 0) {
    return [
      {
        code: 'share_differs',
        claimed: formatShare(claim.share),
        found: formatShare(registered),
      },
    ];
  }

  return [];
}
