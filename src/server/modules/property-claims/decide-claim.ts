import { personNameKey } from '../../../domain/registry-extract/owner-name.js';
import { toCenti } from '../../../domain/premises/split-area.js';
import { isClaimantsRight } from '../../../domain/property-claims/reconcile.js';
import { sumShares } from '../../../domain/shares/fraction.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import type { RegistryObject } from '../registry/registry-adapter.js';
import { notifyOutcome } from './claim-notices.js';
import { figuresOf, recordClaimOwnership } from './claim-ownership.js';
import { findClaimant, lockObject } from './claim-premises.repo.js';
import { describeTitle } from './claim-texts.js';
import { presentClaim } from './property-claims.presenter.js';
import {
  closeClaim,
  filesOfClaims,
  findClaim,
  linkOwnership,
  lockClaim,
  type ClaimRow,
} from './property-claims.repo.js';
import type { DecisionInput } from './property-claims.schema.js';
import { registryAdapterFor } from '../registry/registry.adapters.js';

type Acting = { user: SignedInUser | null; requestId: string };

const claimNotFound = () =>
  new AppError('not_found', { detail: { ru: 'Заявка не найдена', en: 'No such claim' } });

/**
 * The claim, if the user may decide it: staff of the organisation it is routed to (and the
 * platform roles the catalogue names). To anyone else it does not exist.
 */
export async function claimForDecider(ctx: AppContext, user: SignedInUser | null, id: string) {
  const claim = await findClaim(ctx.db, id);

  if (!claim?.routedOrganisationId) {
    if (!user) {
      throw new AppError('unauthenticated');
    }

    throw claimNotFound();
  }

  try {
    await authorize(ctx, user, 'property_claim.decide', {
      organisationId: claim.routedOrganisationId,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') {
      throw claimNotFound();
    }

    throw error;
  }

  return claim;
}

/**
 * Approves or rejects a claim in conflict, with a reason the owner reads. Approval records the
 * ownership with the figures of record: the registry's where it knows the object (its area, the
 * claimant's registered share and registration), the claim's where it does not. The owners'
 * shares still may not pass one. A claim is decided once; a second decision is `property_claim_closed`.
 */
export async function decideClaim(
  ctx: AppContext,
  acting: Acting,
  id: string,
  input: DecisionInput,
) {
  const found = await claimForDecider(ctx, acting.user, id);
  const registry =
    input.decision === 'approve'
      ? await registryAdapterFor(ctx).findObject(found.cadastralNumber)
      : null;

  await ctx.db.transaction(async (tx) => {
    await lockObject(tx, found.cadastralNumber);

    const claim = await lockClaim(tx, id);

    if (!claim || claim.status !== 'conflict') {
      throw new AppError('property_claim_closed', { extra: { status: claim?.status ?? null } });
    }

    const placed = input.decision === 'approve' ? await approve(tx, claim, registry) : null;
    const status = input.decision === 'approve' ? 'approved' : 'rejected';

    if (placed) {
      await linkOwnership(tx, id, placed);
    }

    await closeClaim(tx, id, { status, decidedByUserId: acting.user!.id, reason: input.reason });
    await notifyOutcome(tx, claim.userId, id, {
      houseAddress: claim.houseAddress,
      premiseKind: claim.premiseKind,
      premiseNumber: claim.premiseNumber,
      status,
      mismatches: claim.mismatches,
      reason: input.reason,
    });
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: `property_claim.${status}`,
      objectType: 'property_claim',
      objectId: id,
      requestId: acting.requestId,
      before: { status: claim.status },
      after: { status, reason: input.reason, ...placed },
    });
  });

  return presentClaim((await findClaim(ctx.db, id))!, await filesOfClaims(ctx.db, [id]));
}

async function approve(tx: Queryable, claim: ClaimRow, registry: RegistryObject | null) {
  const claimant = await findClaimant(tx, claim.userId);
  const identity = {
    nameKey: claimant ? personNameKey(claimant) : '',
    snilsDigest: claimant?.snilsDigest ?? null,
  };
  const rights = registry?.rights.filter((right) => isClaimantsRight(right, identity)) ?? [];
  const claimed = { numerator: claim.shareNumerator, denominator: claim.shareDenominator };
  const figures = figuresOf(
    {
      houseId: claim.houseId,
      kind: claim.premiseKind,
      number: claim.premiseNumber,
      areaCenti: toCenti(claim.area),
      cadastralNumber: claim.cadastralNumber,
    },
    registry,
  );

  return recordClaimOwnership(tx, figures, {
    claimId: claim.id,
    personId: claim.personId,
    share: rights.length > 0 ? sumShares(rights.map((right) => right.share)) : claimed,
    titleDocument: describeTitle({
      kind: claim.titleKind,
      number: claim.titleNumber,
      date: claim.titleDate,
    }),
    titleDate: claim.titleDate,
    rights,
  });
}

/** The claimant takes back their own claim while it waits in a queue. */
export async function withdrawClaim(ctx: AppContext, acting: Acting, id: string) {
  await authorize(ctx, acting.user, 'property_claim.read_own');

  const me = acting.user!;

  await ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, id);

    if (!claim || claim.userId !== me.id) {
      throw claimNotFound();
    }

    if (claim.status !== 'conflict') {
      throw new AppError('property_claim_closed', { extra: { status: claim.status } });
    }

    await closeClaim(tx, id, { status: 'withdrawn', decidedByUserId: me.id, reason: null });
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'property_claim.withdrawn',
      objectType: 'property_claim',
      objectId: id,
      requestId: acting.requestId,
      before: { status: claim.status },
      after: { status: 'withdrawn' },
    });
  });

  return presentClaim((await findClaim(ctx.db, id))!, await filesOfClaims(ctx.db, [id]));
}
