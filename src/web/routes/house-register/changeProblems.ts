import type { TFunction } from 'i18next';

import { ApiError } from '../../api/client.js';
import type { FieldError } from '../../api/types.js';

// Keys are camel case: i18next would read `above_one` as a plural form of `above`.
const RULE_KEYS = {
  future: 'houseRegister.change.rules.future',
  before_start: 'houseRegister.change.rules.beforeStart',
  not_live: 'houseRegister.change.rules.notLive',
  duplicate: 'houseRegister.change.rules.duplicate',
  required: 'houseRegister.change.rules.required',
  empty: 'houseRegister.change.rules.empty',
  transfer_mismatch: 'houseRegister.change.rules.transferMismatch',
  exceeds_whole: 'houseRegister.change.rules.exceedsWhole',
  format: 'houseRegister.change.rules.format',
  zero: 'houseRegister.change.rules.zero',
  above_one: 'houseRegister.change.rules.aboveOne',
  too_large: 'houseRegister.change.rules.tooLarge',
} as const;

type Rule = keyof typeof RULE_KEYS;

const isRule = (rule: string): rule is Rule => Object.hasOwn(RULE_KEYS, rule);

/**
 * The words for a refused change of owner in the visitor's language: the server names each
 * problem by a stable rule, and its own messages are English.
 */
export function changeProblemText(fieldError: FieldError, t: TFunction): string {
  return isRule(fieldError.rule) ? t(RULE_KEYS[fieldError.rule]) : fieldError.message;
}

/** The problem of one form field (`date`, `starting.0.share`), translated, if there is one. */
export function changeFieldError(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }

  const match = error.fieldErrors.find((fe) => fe.field === field || fe.field === `body.${field}`);

  return match ? changeProblemText(match, t) : undefined;
}
