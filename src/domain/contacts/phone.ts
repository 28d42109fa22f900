/**
 * Russian mobile and landline numbers as people type them («8 (912) 345-67-89», «+7 912 3456789»,
 * «9123456789») folded to E.164 (`+79123456789`). Returns null for anything that is not a Russian
 * number, so a login can be told apart from an e-mail address.
 */
export function normalizeRussianPhone(input: string): string | null {
  const trimmed = input.trim();

  if (!/^[+\d\s()-]+$/.test(trimmed)) {
    return null;
  }

  const digits = trimmed.replace(/\D/g, '');

  if (digits.length === 10 && /^[3489]/.test(digits)) {
    return `+7${digits}`;
  }

  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    return `+7${digits.slice(1)}`;
  }

  return null;
}

/** E-mail addresses compare case-insensitively in practice; store and look them up folded. */
export function normalizeEmail(input: string): string | null {
  const folded = input.trim().toLowerCase();

  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(folded) && folded.length <= 254 ? folded : null;
}
