import { formatShare, sumShares } from '../../../domain/shares/fraction.js';
import type { RegistryObject } from './registry-adapter.js';
import type { RegistryObjectView } from './registry.schema.js';

export type ObjectContext = {
  house: { id: string; address: string } | null;
  premise: { id: string; number: string; kind: string; areaTotal: string } | null;
  updatedAt: string;
};

function area(centi: number): string {
  return `${Math.trunc(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}

/** An object for operators: owners by name and share; a СНИЛС only as «given». */
export function presentRegistryObject(
  object: RegistryObject,
  context: ObjectContext,
): RegistryObjectView {
  return {
    cadastralNumber: object.cadastralNumber,
    address: object.address,
    kind: object.kind,
    premiseNumber: object.premiseNumber,
    area: area(object.areaCenti),
    extractedOn: object.extractedOn,
    house: context.house,
    premise: context.premise,
    rights: object.rights.map((right) => ({
      ownerKind: right.ownerKind,
      ownerName: right.ownerName,
      ownerInn: right.ownerInn,
      hasSnils: right.ownerSnilsDigest !== null,
      share: right.share,
      shareText: formatShare(right.share),
      registrationNumber: right.registrationNumber,
      registeredOn: right.registeredOn,
    })),
    sharesTotal: formatShare(sumShares(object.rights.map((right) => right.share))),
    updatedAt: context.updatedAt,
  };
}
