import {
  coOwnerSummary,
  premiseView,
  shareOf,
  type HeldShare,
  type PremiseRelation,
} from '../../../domain/premises/premise-view.js';
import { premiseNumberKey } from '../../../domain/property-claims/matching.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { presentClaim, presentMyPremise, type PremiseFacts } from './my-premises.presenter.js';
import {
  countResidents,
  findAccounts,
  findCurrentOwnerships,
  findManagers,
  findOpenClaims,
  findOwnedPremiseIds,
  findPowersInForce,
  findPremises,
  findResidencePremiseIds,
  findResidentNames,
  type ClaimRow,
  type OwnershipRow,
  type PowerRow,
  type PremiseRow,
} from './my-premises.repo.js';
import type { MyPremise, MyPremises } from './my-premises.schema.js';

type Acting = { user: SignedInUser | null; requestId: string };

/**
 * «Мой МП‑дом»: the premises the signed-in person owns a share of, is registered in, or holds an
 * owner's power of attorney for, with what each relation lets them see (domain/premises/
 * premise-view), and their claims still waiting for a decision.
 */
export async function listMyPremises(ctx: AppContext, acting: Acting): Promise<MyPremises> {
  await authorize(ctx, acting.user, 'my_premises.read');
  const me = acting.user!;
  const claims = await findOpenClaims(ctx.db, me.personId);
  const premises = await loadPremises(ctx, me, claims);

  return { premises, claims: claims.map(presentClaim) };
}

/** One premise of the person; a premise they have no relation to is not found, not forbidden. */
export async function getMyPremise(
  ctx: AppContext,
  acting: Acting,
  premiseId: string,
): Promise<MyPremise> {
  await authorize(ctx, acting.user, 'my_premises.read');
  const me = acting.user!;
  const claims = await findOpenClaims(ctx.db, me.personId);
  const [premise] = await loadPremises(ctx, me, claims, premiseId);

  if (!premise) {
    throw new AppError('not_found');
  }

  return premise;
}

async function relationsOf(ctx: AppContext, me: SignedInUser) {
  const [owned, residence, powers] = await Promise.all([
    findOwnedPremiseIds(ctx.db, me.personId),
    findResidencePremiseIds(ctx.db, me.personId),
    findPowersInForce(ctx.db, me.id),
  ]);
  const relations = new Map<string, Set<PremiseRelation>>();
  const add = (premiseId: string, relation: PremiseRelation) =>
    relations.set(premiseId, (relations.get(premiseId) ?? new Set()).add(relation));

  owned.forEach((id) => add(id, 'owner'));
  residence.forEach((id) => add(id, 'resident'));
  powers.forEach((power) => add(power.premiseId, 'representative'));

  return { relations, powers };
}

async function loadPremises(
  ctx: AppContext,
  me: SignedInUser,
  claims: ClaimRow[],
  only?: string,
): Promise<MyPremise[]> {
  const { relations, powers } = await relationsOf(ctx, me);
  const ids = [...relations.keys()].filter((id) => only === undefined || id === only);

  if (ids.length === 0) {
    return [];
  }

  const ownerIds = ids.filter((id) => relations.get(id)?.has('owner'));
  const principals = [...new Set(powers.map((power) => power.principalPersonId))];
  const premises = await findPremises(ctx.db, ids);
  const [ownerships, counts, names, accounts, managers] = await Promise.all([
    findCurrentOwnerships(ctx.db, ids),
    countResidents(ctx.db, ids),
    ownerIds.length > 0 ? findResidentNames(ctx.db, ownerIds) : Promise.resolve([]),
    findAccounts(ctx.db, ids, [me.personId, ...principals]),
    findManagers(ctx.db, [...new Set(premises.map((premise) => premise.houseId))]),
  ]);

  return premises.map((premise) => {
    const related = relations.get(premise.id) ?? new Set<PremiseRelation>();
    const view = premiseView(related);
    const rights = ownerships.filter((o) => o.premiseId === premise.id);
    const held = rights.map(heldShare);
    const myPowers = powers.filter((power) => power.premiseId === premise.id);
    const speaksFor = new Set([me.personId, ...myPowers.map((p) => p.principalPersonId)]);

    const facts: PremiseFacts = {
      premise,
      relations: related,
      ownRights: rights.filter((o) => o.personId === me.personId),
      ownShare: shareOf(held, me.personId),
      powers: withShares(myPowers, held),
      coOwners: view.shares ? coOwnerSummary(held, speaksFor) : null,
      residentsCount: counts.find((c) => c.premiseId === premise.id)?.count ?? 0,
      residentNames: view.residentNames
        ? names
            .filter((n) => n.premiseId === premise.id)
            .map(({ name, registeredOn }) => ({ name, registeredOn }))
        : null,
      accounts: accounts
        .filter(
          (account) => account.premiseId === premise.id && speaksFor.has(account.payerPersonId),
        )
        .map((account) => ({
          ...account,
          payer: account.payerPersonId === me.personId ? ('self' as const) : ('principal' as const),
        })),
      manager: managers.find((m) => m.houseId === premise.houseId),
      claims: claims.filter((claim) => isAbout(claim, premise)),
    };

    return presentMyPremise(facts);
  });
}

function heldShare(row: OwnershipRow): HeldShare {
  return {
    holder: row.personId ?? row.organisationId ?? '',
    share: { numerator: row.numerator, denominator: row.denominator },
  };
}

function withShares(powers: PowerRow[], held: HeldShare[]) {
  return powers.flatMap((power) => {
    const share = shareOf(held, power.principalPersonId);

    return share ? [{ ...power, share }] : [];
  });
}

/** A claim is about a premise when it was linked to it, or names the same house, kind and number. */
function isAbout(claim: ClaimRow, premise: PremiseRow): boolean {
  if (claim.premiseId) {
    return claim.premiseId === premise.id;
  }

  return (
    claim.houseId === premise.houseId &&
    claim.premiseKind === premise.kind &&
    premiseNumberKey(claim.premiseNumber) === premiseNumberKey(premise.number)
  );
}
