/**
 * The region code an issued account number (ЕЛС) starts with. The cadastral district — the first
 * two digits of a cadastral number — is the subject of the federation's code for almost every
 * region (66 for Sverdlovsk oblast), so the premise's or the house's cadastral number tells it.
 */

/** The platform's own houses extract is Ekaterinburg's; a house with no cadastral number is there. */
export const DEFAULT_ACCOUNT_REGION = '66';

export function accountRegionCode(...cadastralNumbers: (string | null | undefined)[]): string {
  for (const number of cadastralNumbers) {
    const district = /^\s*(\d{2}):\d{2}:/.exec(number ?? '')?.[1];

    if (district && district !== '00') {
      return district;
    }
  }

  return DEFAULT_ACCOUNT_REGION;
}
