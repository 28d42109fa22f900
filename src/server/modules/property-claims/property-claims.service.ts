import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile } from '../../platform/files/files.service.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import { findMemberships } from '../access/authorize.repo.js';
import { findOperatorOrganisation, findOrganisations } from './claim-premises.repo.js';
import { claimForDecider } from './decide-claim.js';
import { presentClaim, presentQueueItem } from './property-claims.presenter.js';
import {
  countConflicts,
  filesOfClaims,
  findClaim,
  isClaimFile,
  listClaimsOfPerson,
  listQueue,
} from './property-claims.repo.js';
import type { QueueQuery } from './property-claims.schema.js';

type Acting = { user: SignedInUser | null; requestId: string };

const PLATFORM_DECIDERS = new Set(['identity_operator', 'platform_admin']);

/** The signed-in person's own claims, newest first, with status, mismatches and decisions. */
export async function listMyClaims(ctx: AppContext, acting: Acting, query: PageQuery) {
  await authorize(ctx, acting.user, 'property_claim.read_own');

  const { items, total } = await listClaimsOfPerson(ctx.db, acting.user!.personId, {
    limit: query.limit,
    offset: offsetOf(query),
  });
  const files = await filesOfClaims(
    ctx.db,
    items.map((item) => item.id),
  );

  return {
    items: items.map((item) => presentClaim(item, files)),
    total,
    page: query.page,
    limit: query.limit,
  };
}

/**
 * An organisation's queue of claims (conflicts by default, oldest first) with the claimant, the
 * mismatches, the scans and the registry's facts. Reading it is journaled: it shows other
 * people's names and documents.
 */
export async function listOrganisationQueue(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: QueueQuery,
) {
  await authorize(ctx, acting.user, 'property_claim.decide', { organisationId });

  const { items, total } = await listQueue(ctx.db, organisationId, query.status, {
    limit: query.limit,
    offset: offsetOf(query),
  });
  const files = await filesOfClaims(
    ctx.db,
    items.map((item) => item.id),
  );

  await recordAudit(ctx.db, {
    actorUserId: acting.user!.id,
    action: 'property_claims.queue_viewed',
    objectType: 'organisation',
    objectId: organisationId,
    requestId: acting.requestId,
    personalDataAccess: true,
  });

  return {
    items: items.map((item) => presentQueueItem(item, files)),
    total,
    page: query.page,
    limit: query.limit,
  };
}

/**
 * The queues the person may work, with their open conflicts: the organisations where they hold
 * a deciding role, plus the platform operator's queue for operators and administrators.
 */
export async function listMyQueues(ctx: AppContext, acting: Acting) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const user = acting.user;
  const candidates = new Set((await findMemberships(ctx.db, user.id)).map((m) => m.organisationId));
  const operator = PLATFORM_DECIDERS.has(user.platformRole)
    ? await findOperatorOrganisation(ctx.db)
    : null;

  if (operator) {
    candidates.add(operator);
  }

  const allowed: string[] = [];

  for (const organisationId of candidates) {
    const may = await authorize(ctx, user, 'property_claim.decide', { organisationId }).then(
      () => true,
      () => false,
    );

    if (may) {
      allowed.push(organisationId);
    }
  }

  const organisations = await findOrganisations(ctx.db, allowed);
  const conflicts = await countConflicts(ctx.db, allowed);

  return organisations.map((organisation) => ({
    organisationId: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    conflicts: conflicts.get(organisation.id) ?? 0,
  }));
}

/**
 * A scan attached to a claim, for its owner and for whoever may decide the claim. Others get
 * `not_found`. A decider's reading of someone's title documents is journaled.
 */
export async function openClaimFile(
  ctx: AppContext,
  acting: Acting,
  claimId: string,
  fileId: string,
) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const claim = await findClaim(ctx.db, claimId);
  const own = claim?.userId === acting.user.id;

  if (!own) {
    await claimForDecider(ctx, acting.user, claimId);
  }

  if (!(await isClaimFile(ctx.db, claimId, fileId))) {
    throw new AppError('not_found', { detail: { ru: 'Файл не найден', en: 'No such file' } });
  }

  const file = await getStoredFile(ctx, fileId);

  if (!own) {
    await recordAudit(ctx.db, {
      actorUserId: acting.user.id,
      action: 'property_claim.file_viewed',
      objectType: 'property_claim',
      objectId: claimId,
      requestId: acting.requestId,
      personalDataAccess: true,
      after: { fileId },
    });
  }

  return { file, stream: await openStoredFile(ctx, file) };
}
