/**
 * Russian identifiers and their check digits (domain-rules §4). Each validator takes what a person
 * typed, ignores spaces and dashes, and answers with the canonical digits or the reason it fails,
 * so the UI can say what is wrong rather than just "invalid".
 */

export type IdentifierCheck =
  { valid: true; value: string } | { valid: false; reason: 'format' | 'checksum' | 'range' };

const digitsOf = (input: string) => input.replace(/[\s-]/g, '');

function weightedSum(digits: string, weights: number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0);
}

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН: 10 digits for a company, 12 for a person or sole trader. */
export function checkInn(input: string): IdentifierCheck {
  const value = digitsOf(input);

  if (!/^\d{10}$|^\d{12}$/.test(value)) {
    return { valid: false, reason: 'format' };
  }

  const ok =
    value.length === 10
      ? (weightedSum(value, INN10) % 11) % 10 === Number(value[9])
      : (weightedSum(value, INN12_11) % 11) % 10 === Number(value[10]) &&
        (weightedSum(value, INN12_12) % 11) % 10 === Number(value[11]);

  return ok ? { valid: true, value } : { valid: false, reason: 'checksum' };
}

/** ОГРН (13 digits, mod 11) and ОГРНИП (15 digits starting with 3, mod 13). */
export function checkOgrn(input: string): IdentifierCheck {
  const value = digitsOf(input);

  if (!/^[15]\d{12}$|^3\d{14}$/.test(value)) {
    return { valid: false, reason: 'format' };
  }

  const modulus = value.length === 13 ? 11n : 13n;
  const body = BigInt(value.slice(0, -1));
  const control = Number((body % modulus) % 10n);

  return control === Number(value.at(-1))
    ? { valid: true, value }
    : { valid: false, reason: 'checksum' };
}

/** СНИЛС `XXX-XXX-XXX YY`; numbers up to 001-001-998 predate the check digit and are refused. */
export function checkSnils(input: string): IdentifierCheck {
  const value = digitsOf(input);

  if (!/^\d{11}$/.test(value)) {
    return { valid: false, reason: 'format' };
  }

  if (Number(value.slice(0, 9)) <= 1_001_998) {
    return { valid: false, reason: 'range' };
  }

  const sum = weightedSum(value, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const control = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : (sum % 101) % 100;

  return control === Number(value.slice(9))
    ? { valid: true, value }
    : { valid: false, reason: 'checksum' };
}

/** `123-456-789 01` from 11 digits. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

/** Passport of a citizen of Russia: series of 4 digits and number of 6; no check digit exists. */
export function checkPassport(input: string): IdentifierCheck {
  const value = digitsOf(input);

  return /^\d{10}$/.test(value) ? { valid: true, value } : { valid: false, reason: 'format' };
}

/** Department code of the issuing office, `999-999`. */
export function checkDepartmentCode(input: string): IdentifierCheck {
  const value = input.trim();

  return /^\d{3}-?\d{3}$/.test(value)
    ? {
        valid: true,
        value: `${value.replace('-', '').slice(0, 3)}-${value.replace('-', '').slice(3)}`,
      }
    : { valid: false, reason: 'format' };
}

/**
 * Cadastral number of a property: district:area:quarter(6–7 digits):object. Spaces around the
 * colons are dropped (` 50 : 45 : 1234567 : 890 `, C07); a space inside a part, another separator
 * or a letter is a format error, since there is no check digit to catch a mistyped part.
 */
export function checkCadastralNumber(input: string): IdentifierCheck {
  const value = input.trim().replace(/\s*:\s*/g, ':');

  return /^\d{2}:\d{2}:\d{6,7}:\d+$/.test(value)
    ? { valid: true, value }
    : { valid: false, reason: 'format' };
}

/** БИК of a Russian bank: 9 digits starting with 04. */
export function checkBik(input: string): IdentifierCheck {
  const value = digitsOf(input);

  return /^04\d{7}$/.test(value) ? { valid: true, value } : { valid: false, reason: 'format' };
}

/** КПП: tax office (4 digits), reason (2 digits or Latin capitals), number (3); no check digit. */
export function checkKpp(input: string): IdentifierCheck {
  const value = input.replace(/\s/g, '').toUpperCase();

  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value)
    ? { valid: true, value }
    : { valid: false, reason: 'format' };
}

const CURRENCY_LETTERS = 'АВСЕНКМРТХ';

/** The same ten letters typed on a Latin keyboard, as they look on a printed statement. */
const CURRENCY_LOOK_ALIKES = 'ABCEHKMPTX';

/**
 * A bank account against its БИК (ЦБ № 515): weights 7,1,3 over 23 digits must sum to a multiple
 * of 10. `kind` picks the key: a client account uses the БИК's last three digits, a
 * correspondent account "0" and the БИК's digits 5–6.
 */
export function checkBankAccount(
  account: string,
  bik: string,
  kind: 'client' | 'correspondent' = 'client',
): IdentifierCheck {
  const bikCheck = checkBik(bik);
  let value = digitsOf(account).toUpperCase();
  const letter = value[5];

  const letterIndex = letter
    ? Math.max(CURRENCY_LETTERS.indexOf(letter), CURRENCY_LOOK_ALIKES.indexOf(letter))
    : -1;

  if (letterIndex >= 0) {
    value = value.slice(0, 5) + String(letterIndex) + value.slice(6);
  }

  if (!bikCheck.valid || !/^\d{20}$/.test(value)) {
    return { valid: false, reason: 'format' };
  }

  const prefix = kind === 'client' ? bikCheck.value.slice(6) : `0${bikCheck.value.slice(4, 6)}`;
  const full = prefix + value;
  const weights = Array.from({ length: 23 }, (_, i) => [7, 1, 3][i % 3] ?? 0);

  return weightedSum(full, weights) % 10 === 0
    ? { valid: true, value: digitsOf(account) }
    : { valid: false, reason: 'checksum' };
}
