import { foldText } from './emergency.js';

/**
 * Guards of the intake (case C24): the same person sending the same text twice within minutes
 * gets the first request back as a duplicate, and more than the daily limit of identical
 * requests to one organisation is refused until an admin lifts the limit.
 */

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;

/** Window within which a second identical request is the same request sent twice. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** The form two texts are compared in: case, ё, punctuation and spacing do not matter. */
export function descriptionKey(description: string): string {
  return foldText(description)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type IntakeVerdict =
  | { ok: true }
  | { ok: false; reason: 'duplicate'; existingId: string }
  | { ok: false; reason: 'daily_limit'; limit: number };

/**
 * Decides one new request from the person's identical requests to the organisation today.
 * `sameToday` is newest first; `lifted` when an admin has lifted the person's limit.
 */
export function judgeIntake(
  sameToday: { id: string; createdAt: Date }[],
  now: Date,
  limits: { dailyLimit: number; lifted: boolean },
): IntakeVerdict {
  const latest = sameToday[0];

  if (latest && now.getTime() - latest.createdAt.getTime() < DUPLICATE_WINDOW_MS) {
    return { ok: false, reason: 'duplicate', existingId: latest.id };
  }

  if (!limits.lifted && sameToday.length >= limits.dailyLimit) {
    return { ok: false, reason: 'daily_limit', limit: limits.dailyLimit };
  }

  return { ok: true };
}

/** Median of the values (ms), or null for none: the analytics' typical time. */
export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }

  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
