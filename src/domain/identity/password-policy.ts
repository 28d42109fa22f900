/**
 * Password rules of the platform (issue 3, C26 case 4): 8–128 characters, at least 4 distinct
 * characters, and not one of the passwords people pick most often. Pure: the common-password
 * lists are handed in by the caller, which loads them from data.
 */

export type PasswordPolicy = {
  minLength: number;
  maxLength: number;
  minDistinct: number;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  minDistinct: 4,
};

export type PasswordVerdict =
  | { ok: true }
  | { ok: false; code: 'password_too_short'; minLength: number }
  | { ok: false; code: 'password_too_long'; maxLength: number }
  | { ok: false; code: 'password_too_simple'; minDistinct: number }
  | { ok: false; code: 'password_common' };

/** Anything that answers whether a (lower-cased) candidate is a listed common password. */
export type CommonPasswordList = { has(candidate: string): boolean };

// Lengths count code points, not UTF-16 units: «пароль🙂» is 7 characters to the person typing it.
function characters(password: string): string[] {
  return Array.from(password.normalize('NFC'));
}

/**
 * The forms of a password compared with the lists. The lists hold lower-case entries, and a
 * password typed in one case throughout («QWERTY123», «ЙЦУКЕН123») is the same guess with caps
 * lock on, so it is folded. A password that mixes upper and lower case letters is compared as
 * typed: C26 requires «Qwerty12» to pass, although «qwerty12» is listed.
 */
export function listForms(password: string): string[] {
  const normalized = password.normalize('NFC');
  const lower = normalized.toLocaleLowerCase('ru');
  const upper = normalized.toLocaleUpperCase('ru');
  const singleCase = normalized === lower || normalized === upper;

  return singleCase ? [lower] : [normalized];
}

/** Checks a candidate password; the first rule it breaks is reported. */
export function checkPassword(
  password: string,
  lists: CommonPasswordList[],
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordVerdict {
  const chars = characters(password);

  if (chars.length < policy.minLength) {
    return { ok: false, code: 'password_too_short', minLength: policy.minLength };
  }

  if (chars.length > policy.maxLength) {
    return { ok: false, code: 'password_too_long', maxLength: policy.maxLength };
  }

  if (new Set(chars).size < policy.minDistinct) {
    return { ok: false, code: 'password_too_simple', minDistinct: policy.minDistinct };
  }

  const forms = listForms(password);

  if (forms.some((form) => lists.some((list) => list.has(form)))) {
    return { ok: false, code: 'password_common' };
  }

  return { ok: true };
}
