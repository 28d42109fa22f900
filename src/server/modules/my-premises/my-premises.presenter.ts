import type { CoOwnerSummary, PremiseRelation } from '../../../domain/premises/premise-view.js';
import type { Mismatch, PremiseKind } from '../../../domain/property-claims/reconcile.js';
import { formatShare, reduce, type Share } from '../../../domain/shares/fraction.js';
import type {
  AccountRow,
  ClaimRow,
  ManagerRow,
  OwnershipRow,
  PowerRow,
  PremiseRow,
} from './my-premises.repo.js';
import type { MyPremise, OpenClaim } from './my-premises.schema.js';

/** Presenters of «Мой МП‑дом»: each field here is one the viewer may see, never a raw row. */

export function presentShare(share: Share) {
  const reduced = reduce(share);

  return { ...reduced, text: formatShare(reduced) };
}

export function presentClaim(row: ClaimRow): OpenClaim {
  return {
    id: row.id,
    status: 'conflict',
    house: { id: row.houseId, address: row.houseAddress },
    premiseId: row.premiseId,
    premiseNumber: row.premiseNumber,
    premiseKind: row.premiseKind as PremiseKind,
    cadastralNumber: row.cadastralNumber,
    share: formatShare({ numerator: row.numerator, denominator: row.denominator }),
    mismatches: Array.isArray(row.mismatches) ? (row.mismatches as Mismatch[]) : [],
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function presentManager(row: ManagerRow | undefined): MyPremise['managingOrganisation'] {
  if (!row) {
    return null;
  }

  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    inn: row.inn,
    ogrn: row.ogrn,
    portalLink: row.portalLink,
    contract: row.contractStartedOn
      ? {
          number: row.contractNumber,
          startedOn: row.contractStartedOn,
          endedOn: row.contractEndedOn,
        }
      : null,
  };
}

export type PremiseFacts = {
  premise: PremiseRow;
  relations: ReadonlySet<PremiseRelation>;
  /** The viewer's own rights in this premise (empty when they own nothing). */
  ownRights: OwnershipRow[];
  ownShare: Share | null;
  powers: (PowerRow & { share: Share })[];
  /** Null when the viewer may not see shares. */
  coOwners: CoOwnerSummary | null;
  residentsCount: number;
  /** Null when the viewer may not see who lives there. */
  residentNames: { name: string; registeredOn: string | null }[] | null;
  accounts: (AccountRow & { payer: 'self' | 'principal' })[];
  manager: ManagerRow | undefined;
  claims: ClaimRow[];
};

export function presentMyPremise(facts: PremiseFacts): MyPremise {
  const { premise } = facts;
  const first = facts.ownRights[0];

  return {
    id: premise.id,
    house: { id: premise.houseId, address: premise.houseAddress },
    number: premise.number,
    kind: premise.kind as PremiseKind,
    floor: premise.floor,
    entrance: premise.entrance,
    areaTotal: premise.areaTotal,
    areaLiving: premise.areaLiving,
    cadastralNumber: premise.cadastralNumber,
    relations: (['owner', 'resident', 'representative'] as const).filter((r) =>
      facts.relations.has(r),
    ),
    ownership:
      facts.ownShare && first
        ? {
            share: presentShare(facts.ownShare),
            since: first.since,
            titleDocument: first.titleDocument,
          }
        : null,
    representing: facts.powers.map((power) => ({
      principalName: power.principalName,
      share: presentShare(power.share),
      validUntil: power.validUntil,
    })),
    coOwners: facts.coOwners
      ? { others: facts.coOwners.others, total: presentShare(facts.coOwners.total) }
      : null,
    residents: { count: facts.residentsCount, people: facts.residentNames },
    accounts: facts.accounts.map((account) => ({
      id: account.id,
      number: account.number,
      localNumber: account.localNumber,
      organisation: { id: account.organisationId, name: account.organisationName },
      openedOn: account.openedOn,
      closedOn: account.closedOn,
      payer: account.payer,
    })),
    managingOrganisation: presentManager(facts.manager),
    claims: facts.claims.map(presentClaim),
  };
}
