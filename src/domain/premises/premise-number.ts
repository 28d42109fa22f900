/**
 * A premise number as houses write them: «12», «12А», «Н-3», «1/2», «П.4», «К-1» — letters and
 * digits, with a dash, dot, slash or space between them, up to 20 characters. One rule for every
 * way a number enters the platform (a claim, the register, an import file), so a premise that
 * one way accepts another never refuses.
 */
export const PREMISE_NUMBER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-/. ]*$/u;

export const PREMISE_NUMBER_MAX_LENGTH = 20;

export function isPremiseNumber(text: string): boolean {
  return text.length <= PREMISE_NUMBER_MAX_LENGTH && PREMISE_NUMBER_PATTERN.test(text);
}
