import { personNameKey } from '../../../domain/registry-extract/owner-name.js';
import { formatAreaCenti } from '../../../domain/property-claims/area.js';
import { reconcileClaim } from '../../../domain/property-claims/reconcile.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import type { RegistryObject } from '../registry/registry-adapter.js';
import { checkClaimInput, type CheckedClaim } from './claim-input.js';
import { notifyOutcome } from './claim-notices.js';
import { figuresOf, findObjectPremise, recordClaimOwnership, sharesOf } from './claim-ownership.js';
import { findClaimant, findLiveOwnerships, lockObject } from './claim-premises.repo.js';
import { routeClaim } from './claim-routing.js';
import { describeTitle } from './claim-texts.js';
import { presentClaim, registrySnapshotOf } from './property-claims.presenter.js';
import {
  attachFiles,
  filesOfClaims,
  findClaim,
  findLiveClaim,
  insertClaim,
  linkOwnership,
} from './property-claims.repo.js';
import type { CreateClaimInput } from './property-claims.schema.js';
import { registryAdapterFor } from '../registry/registry.adapters.js';

type Acting = { user: SignedInUser | null; requestId: string };

type Claimant = NonNullable<Awaited<ReturnType<typeof findClaimant>>>;

/**
 * An owner's claim to a property: checked, reconciled with the registry and stored in one
 * transaction. A full match records the ownership at once (`confirmed`); any difference stores a
 * `conflict` in the queue of the house's managing organisation, or the platform operator's. The
 * owner is told either way. A refused claim stores nothing.
 */
export async function submitClaim(ctx: AppContext, acting: Acting, input: CreateClaimInput) {
  await authorize(ctx, acting.user, 'property_claim.create');

  const me = acting.user!;
  const checked = await checkClaimInput(ctx, me.id, input);
  const claimant = await findClaimant(ctx.db, me.id);

  if (!claimant) {
    throw new AppError('unauthenticated');
  }

  // Asked before the transaction opens: another adapter may be a slow remote service.
  const registry = await registryAdapterFor(ctx).findObject(checked.cadastralNumber);

  const id = await ctx.db
    .transaction((tx) => store(ctx, tx, { acting, input, checked, claimant, registry }))
    .catch(duplicateAsProblem);
  const claim = await findClaim(ctx.db, id);

  return presentClaim(claim!, await filesOfClaims(ctx.db, [id]));
}

async function store(
  ctx: AppContext,
  tx: Queryable,
  job: {
    acting: Acting;
    input: CreateClaimInput;
    checked: CheckedClaim;
    claimant: Claimant;
    registry: RegistryObject | null;
  },
): Promise<string> {
  const { acting, input, checked, claimant, registry } = job;
  const claimed = {
    houseId: checked.house.id,
    kind: input.premiseKind,
    number: input.premiseNumber,
    areaCenti: checked.areaCenti,
    cadastralNumber: checked.cadastralNumber,
  };
  const figures = figuresOf(claimed, registry);

  await lockObject(tx, checked.cadastralNumber);

  const premise = await findObjectPremise(tx, figures);
  const live = premise ? await findLiveOwnerships(tx, premise.id) : [];

  if (
    (await findLiveClaim(tx, claimant.personId, checked.cadastralNumber)) ||
    live.some((ownership) => ownership.personId === claimant.personId)
  ) {
    throw duplicate();
  }

  const result = reconcileClaim(
    {
      cadastralNumber: checked.cadastralNumber,
      house: { id: checked.house.id, address: checked.house.address },
      premiseNumber: input.premiseNumber,
      premiseKind: input.premiseKind,
      areaCenti: checked.areaCenti,
      share: checked.share,
      claimant: { nameKey: personNameKey(claimant), snilsDigest: claimant.snilsDigest },
    },
    registry,
    sharesOf(live),
    ctx.config.claims.areaTolerance,
  );
  const status = result.outcome === 'match' ? 'confirmed' : 'conflict';
  const title = {
    kind: input.titleKind,
    number: input.titleNumber ?? null,
    date: input.titleDate ?? null,
  };
  const claimId = await insertClaim(tx, {
    userId: acting.user!.id,
    personId: claimant.personId,
    houseId: checked.house.id,
    premiseNumber: input.premiseNumber,
    premiseKind: input.premiseKind,
    cadastralNumber: checked.cadastralNumber,
    area: formatAreaCenti(checked.areaCenti),
    shareNumerator: checked.share.numerator,
    shareDenominator: checked.share.denominator,
    titleKind: title.kind,
    titleNumber: title.number,
    titleDate: title.date,
    status,
    mismatches: result.mismatches,
    registrySnapshot: registrySnapshotOf(registry),
    // Decided by whoever manages the house of record: approval places the premise there, even
    // when the claimant picked another address.
    routedOrganisationId: await routeClaim(tx, figures.houseId),
  });

  await attachFiles(tx, claimId, checked.fileIds);

  const placed =
    status === 'confirmed'
      ? await recordClaimOwnership(tx, figures, {
          claimId,
          personId: claimant.personId,
          share: checked.share,
          titleDocument: describeTitle(title),
          titleDate: title.date,
          rights: result.claimantRights,
        })
      : null;

  if (placed) {
    await linkOwnership(tx, claimId, placed);
  }

  await notifyOutcome(tx, acting.user!.id, claimId, {
    houseAddress: checked.house.address,
    premiseKind: input.premiseKind,
    premiseNumber: input.premiseNumber,
    status,
    mismatches: result.mismatches,
    reason: null,
  });
  await recordAudit(tx, {
    actorUserId: acting.user!.id,
    action: status === 'confirmed' ? 'property_claim.confirmed' : 'property_claim.conflict',
    objectType: 'property_claim',
    objectId: claimId,
    requestId: acting.requestId,
    after: {
      houseId: checked.house.id,
      premiseNumber: input.premiseNumber,
      premiseKind: input.premiseKind,
      cadastralNumber: checked.cadastralNumber,
      area: formatAreaCenti(checked.areaCenti),
      share: `${checked.share.numerator}/${checked.share.denominator}`,
      status,
      mismatches: result.mismatches.map((m) => m.code),
      fileIds: checked.fileIds,
      ...placed,
    },
  });

  return claimId;
}

function duplicate() {
  return new AppError('property_claim_duplicate', {
    errors: [{ field: 'cadastralNumber', rule: 'duplicate', message: 'already claimed or owned' }],
  });
}

/** The live-claim unique index backs up the check under the lock: a race ends the same way. */
function duplicateAsProblem(error: unknown): never {
  const pg = error as { code?: string; constraint?: string };

  if (pg.code === '23505' && pg.constraint === 'property_claims_live_key') {
    throw duplicate();
  }

  throw error;
}
