import { sumShares, type Share } from '../shares/fraction.js';

/**
 * What a person sees of a premise in «Мой МП‑дом», by how they are related to it (152-ФЗ ст. 5:
 * no more personal data than the purpose needs).
 *
 * - An owner sees their own share, how many other owners there are and what the registered
 *   shares add up to — not the co-owners' names or shares: a co-owner learns those from the title
 *   documents, and the platform has no reason to hand them out. An owner also sees who is
 *   registered in the premise, since the count of residents bills the owner's account.
 * - A representative sees what the owner they act for would see, except the residents' names: a
 *   power of attorney covers acting for the owner, not reading about the people who live there.
 * - A resident who owns nothing sees the premise, the count of residents and the accounts they pay
 *   themselves, but no shares at all.
 */

export type PremiseRelation = 'owner' | 'resident' | 'representative';

export type PremiseView = {
  /** Own share, other owners' count and the registered total. */
  shares: boolean;
  residentNames: boolean;
};

export function premiseView(relations: ReadonlySet<PremiseRelation>): PremiseView {
  const owner = relations.has('owner');

  return {
    shares: owner || relations.has('representative'),
    residentNames: owner,
  };
}

/** A current right in the premise; `holder` is the person's or the organisation's id. */
export type HeldShare = { holder: string; share: Share };

export type CoOwnerSummary = {
  /** Owners other than the ones the viewer speaks for. */
  others: number;
  /** All current registered shares together; 1 when the premise is fully accounted for. */
  total: Share;
};

/**
 * The other owners of a premise, without naming them: `me` are the persons the viewer speaks for
 * (themselves, and the owners whose powers of attorney they hold). An owner holding two rights
 * (a ¼ bought, a ¼ inherited) counts once.
 */
export function coOwnerSummary(rights: HeldShare[], me: ReadonlySet<string>): CoOwnerSummary {
  const others = new Set(rights.map((right) => right.holder).filter((holder) => !me.has(holder)));

  return {
    others: others.size,
    total: sumShares(rights.map((right) => right.share)),
  };
}

/** One person's share of a premise: the sum of their rights (a ¼ bought and a ¼ inherited). */
export function shareOf(rights: HeldShare[], personId: string): Share | null {
  const own = rights.filter((right) => right.holder === personId);

  return own.length === 0 ? null : sumShares(own.map((right) => right.share));
}
