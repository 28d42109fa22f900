/**
 * The single personal account number (ЕЛС) of the state housing system (order 589/944/пр):
 * ten characters — two digits, two letters, six digits (`75DA533315`) — one per payer and
 * premise. The service identifier (ИЖКУ) is the ЕЛС, a dash and two digits.
 *
 * The state system assigns the real numbers; the platform issues numbers of the same shape so that
 * an account can carry its state number later without changing any format downstream. Letters are
 * Latin and kept upper-case; input in lower case, with spaces or Cyrillic look-alikes is accepted.
 */

export type AccountNumberCheck =
  { valid: true; value: string } | { valid: false; reason: 'format' };

/** Cyrillic letters that look like Latin ones, as people type them from a printed bill. */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};

/** Letters the platform issues: no I and O, which read as 1 and 0 on paper. */
const ISSUED_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

function normalise(input: string): string {
  return [...input.replace(/[\s-]/g, '').toUpperCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');
}

export function checkSingleAccountNumber(input: string): AccountNumberCheck {
  const value = normalise(input);

  return /^\d{2}[A-Z]{2}\d{6}$/.test(value)
    ? { valid: true, value }
    : { valid: false, reason: 'format' };
}

/** ИЖКУ: the ЕЛС and a two-digit service number, `75DA533315-01`. */
export function serviceIdentifier(accountNumber: string, service: number): string {
  if (!Number.isInteger(service) || service < 1 || service > 99) {
    throw new RangeError(`service number must be 1–99, got ${service}`);
  }

  return `${accountNumber}-${String(service).padStart(2, '0')}`;
}

/**
 * A new number for a house in `regionCode` (two digits of the subject of the federation). The
 * caller draws again when the number is taken; 24² × 10⁶ numbers per region make that rare.
 */
export function issueSingleAccountNumber(regionCode: string, random: () => number): string {
  if (!/^\d{2}$/.test(regionCode)) {
    throw new RangeError(`region code must be two digits, got ${regionCode}`);
  }

  const letter = () => ISSUED_LETTERS[Math.floor(random() * ISSUED_LETTERS.length)] ?? 'A';
  const digits = String(Math.floor(random() * 1_000_000)).padStart(6, '0');

  return `${regionCode}${letter()}${letter()}${digits}`;
}
