import { checkPassport, checkSnils } from '../../../domain/identifiers/checksums.js';

/**
 * Client-side hints for the passport and СНИЛС form, from the same checks the server runs
 * (domain-rules §4). The server still decides; these only say early what it would refuse.
 */

export type DocumentField =
  'passportSeriesNumber' | 'passportIssuedOn' | 'departmentCode' | 'snils';

export type DocumentHint = 'format' | 'checksum' | 'range' | 'future' | 'tooOld';

export type DocumentInput = Record<DocumentField, string>;

export function departmentCodeOk(input: string): boolean {
  return /^\d{3}-?\d{3}$/.test(input.trim());
}

/** A passport is issued at 14 at the earliest, and no earlier than 1997 (the current form). */
export function issueDateHint(input: string, today: Date): DocumentHint | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) {
    return 'format';
  }

  const date = new Date(`${input}T00:00:00Z`);

  if (Number.isNaN(date.getTime())) {
    return 'format';
  }

  if (date.getTime() > today.getTime()) {
    return 'future';
  }

  return date.getUTCFullYear() < 1997 ? 'tooOld' : null;
}

/** What is wrong with each field, or nothing; empty fields are left to the "required" check. */
export function documentHints(
  input: DocumentInput,
  today: Date,
): Partial<Record<DocumentField, DocumentHint>> {
  const hints: Partial<Record<DocumentField, DocumentHint>> = {};

  if (input.passportSeriesNumber.trim()) {
    const passport = checkPassport(input.passportSeriesNumber);

    if (!passport.valid) {
      hints.passportSeriesNumber = passport.reason;
    }
  }

  if (input.passportIssuedOn.trim()) {
    const hint = issueDateHint(input.passportIssuedOn.trim(), today);

    if (hint) {
      hints.passportIssuedOn = hint;
    }
  }

  if (input.departmentCode.trim() && !departmentCodeOk(input.departmentCode)) {
    hints.departmentCode = 'format';
  }

  if (input.snils.trim()) {
    const snils = checkSnils(input.snils);

    if (!snils.valid) {
      hints.snils = snils.reason;
    }
  }

  return hints;
}
