import { addressSearchText } from '../address/address-search.js';

// The words an extract puts before the number of a premise at the end of its address:
// «…, д. 15, кв. 12», «…, пом. Н1», «…, машино-место М-7», «…, кладовая К-1».
const PREMISE_TAIL = new RegExp(
  String.raw`(?:^|[,\s])\s*(?:кв|квартира|пом|помещение|нежилое\s+помещение|машино-место|м/м|кладовая)` +
    String.raw`(?:\.\s*|\s+|\s*№\s*)№?\s*([\p{L}\p{N}][\p{L}\p{N}\-/]{0,19})\s*$`,
  'iu',
);

export type PremiseAddress = {
  /** The house part, as written. */
  house: string;
  /** The premise number from the tail, or null when the address names none. */
  premiseNumber: string | null;
};

/** Splits «…, ул. Малышева, д. 15, кв. 12» into the house's address and «12». */
export function splitPremiseAddress(address: string): PremiseAddress {
  const match = PREMISE_TAIL.exec(address);

  if (!match?.[1]) {
    return { house: address.trim(), premiseNumber: null };
  }

  return {
    house: address
      .slice(0, match.index)
      .replace(/[,\s]+$/u, '')
      .trim(),
    premiseNumber: match[1],
  };
}

/**
 * The key a premise's address is matched to a house by: the house part folded the way
 * `houses.search_text` is, so «Свердловская область, г. Екатеринбург, ул. Малышева, д. 15»
 * and «обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 15» meet.
 */
export function houseMatchKey(address: string): string {
  return addressSearchText(splitPremiseAddress(address).house);
}
