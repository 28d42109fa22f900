import type { z } from 'zod';

import { formatShare } from '../../../domain/shares/fraction.js';
import { formatAreaCenti } from '../../../domain/property-claims/area.js';
import type { PremiseKind } from '../../../domain/property-claims/reconcile.js';
import type { RegistryObject } from '../registry/registry-adapter.js';
import type { ClaimFileRow, ClaimRow } from './property-claims.repo.js';
import type {
  ClaimSchema,
  QueueItemSchema,
  RegistryFacts,
  TITLE_KINDS,
} from './property-claims.schema.js';

type Claim = z.infer<typeof ClaimSchema>;
type QueueItem = z.infer<typeof QueueItemSchema>;

const iso = (value: Date | string) => new Date(value).toISOString();

/** A claim as its owner and the deciding organisation see it; never the raw row. */
export function presentClaim(row: ClaimRow, files: ClaimFileRow[]): Claim {
  return {
    id: row.id,
    status: row.status,
    house: { id: row.houseId, address: row.houseAddress },
    premiseNumber: row.premiseNumber,
    premiseKind: row.premiseKind as PremiseKind,
    cadastralNumber: row.cadastralNumber,
    area: row.area,
    share: formatShare({ numerator: row.shareNumerator, denominator: row.shareDenominator }),
    title: {
      kind: row.titleKind as (typeof TITLE_KINDS)[number],
      number: row.titleNumber,
      date: row.titleDate,
    },
    mismatches: row.mismatches,
    files: files
      .filter((file) => file.claimId === row.id)
      .map(({ id, originalName, mimeType, sizeBytes }) => ({
        id,
        originalName,
        mimeType,
        sizeBytes: Number(sizeBytes),
      })),
    routedOrganisation:
      row.routedOrganisationId && row.routedOrganisationName
        ? { id: row.routedOrganisationId, name: row.routedOrganisationName }
        : null,
    premiseId: row.premiseId,
    ownershipId: row.ownershipId,
    decision: row.decidedAt ? { reason: row.decisionReason, decidedAt: iso(row.decidedAt) } : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A claim in an organisation's queue: plus who claims and what the registry said. */
export function presentQueueItem(
  row: ClaimRow & { claimantName: string; assuranceLevel: string | null },
  files: ClaimFileRow[],
): QueueItem {
  return {
    ...presentClaim(row, files),
    claimant: { displayName: row.claimantName, assuranceLevel: row.assuranceLevel ?? 'basic' },
    registry: row.registrySnapshot,
  };
}

/**
 * The registry's facts kept with the claim. Owners' СНИЛС digests and ИНН stay out: the queue
 * needs names, shares and registrations, not identifiers.
 */
export function registrySnapshotOf(object: RegistryObject | null): RegistryFacts | null {
  if (!object) {
    return null;
  }

  return {
    cadastralNumber: object.cadastralNumber,
    address: object.address,
    premiseNumber: object.premiseNumber,
    kind: object.kind,
    area: formatAreaCenti(object.areaCenti),
    extractedOn: object.extractedOn,
    rights: object.rights.map((right) => ({
      ownerKind: right.ownerKind,
      ownerName: right.ownerName,
      share: formatShare(right.share),
      registrationNumber: right.registrationNumber,
      registeredOn: right.registeredOn,
    })),
  };
}
