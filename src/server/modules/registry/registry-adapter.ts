import type { Share } from '../../../domain/shares/fraction.js';

/** A registered right as the registry reports it. */
export type RegistryRight = {
  ownerKind: 'person' | 'company' | 'municipality';
  ownerName: string;
  /** Normalised for matching: lower case, ё → е, single spaces. */
  ownerNameKey: string;
  ownerInn: string | null;
  /** Keyed digest of the owner's СНИЛС (the same digest identity_assurances keeps), if known. */
  ownerSnilsDigest: string | null;
  share: Share;
  registrationNumber: string;
  registeredOn: string;
};

/** A real-estate object of the registry with its current rights. */
export type RegistryObject = {
  cadastralNumber: string;
  address: string;
  /** The platform house the address was matched to, when it was. */
  houseId: string | null;
  premiseNumber: string | null;
  kind: 'flat' | 'non_residential' | 'parking' | 'storage';
  /** Area in hundredths of a square metre, so comparisons stay exact. */
  areaCenti: number;
  rights: RegistryRight[];
  extractedOn: string | null;
};

/**
 * Where property facts come from. The embedded adapter reads the local copy of extracts imported
 * with `mpdom import registry`; another adapter (a paid ЕГРН gateway, say) plugs in through
 * `REGISTRY_ADAPTER` and answers the same question.
 */
export interface RegistryAdapter {
  readonly name: string;

  /** The object with this canonical cadastral number, or null when the registry has none. */
  findObject(cadastralNumber: string): Promise<RegistryObject | null>;
}
