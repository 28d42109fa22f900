/**
 * Powers of attorney (ГК РФ ст. 185–189). A representative acts for an owner only inside the
 * validity period; a power of attorney without a term is valid for one year from its date
 * (ст. 186 п. 1), and a revoked one stops at once.
 */

export type PowerOfAttorneyTerm = { validFrom: string; validUntil: string; revokedAt: Date | null };

/** `YYYY-MM-DD` one calendar year after the given date; 29 February maps to 28 February. */
export function oneYearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + 1, month - 1, day));

  if (target.getUTCMonth() !== month - 1) {
    target.setUTCDate(0);
  }

  return target.toISOString().slice(0, 10);
}

export function termProblem(validFrom: string, validUntil: string | undefined): string | null {
  if (validUntil !== undefined && validUntil < validFrom) {
    return 'validUntil is before validFrom';
  }

  return null;
}

/** Whether the power of attorney lets the representative act on `today` (a `YYYY-MM-DD` date). */
export function isInForce(term: PowerOfAttorneyTerm, today: string): boolean {
  return term.revokedAt === null && term.validFrom <= today && today <= term.validUntil;
}
