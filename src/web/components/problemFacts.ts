import type { TFunction } from 'i18next';

import { ApiError } from '../api/client.js';
import { formatDateTime } from '../i18n/format.js';
import { secondsUntil } from './useNow.js';

const LIMITS = ['phone_daily', 'email_daily', 'ip_daily', 'resend_pause'] as const;

/**
 * The server's message plus what its extension members say, in the visitor's words: which limit
 * was hit and when it resets, how many attempts remain, until when sign-in is locked.
 */
export function problemFacts(error: unknown, t: TFunction, language: string, now: number) {
  if (!(error instanceof ApiError)) {
    return [];
  }

  const facts: string[] = [];
  const limit = error.text('limit');
  const resetsAt = error.text('resetsAt');
  const retryAt = error.text('retryAt');
  const lockedUntil = error.text('lockedUntil');
  const attemptsLeft = error.number('attemptsLeft');

  if (limit && (LIMITS as readonly string[]).includes(limit)) {
    facts.push(t(`problem.limits.${limit as (typeof LIMITS)[number]}`));
  }

  if (resetsAt) {
    facts.push(t('problem.resetsAt', { time: formatDateTime(resetsAt, language) }));
  }

  if (lockedUntil) {
    facts.push(t('problem.lockedUntil', { time: formatDateTime(lockedUntil, language) }));
  }

  if (attemptsLeft !== undefined && error.code !== 'otp_exhausted') {
    facts.push(t('problem.attemptsLeft', { count: attemptsLeft }));
  }

  const wait = secondsUntil(retryAt, now);

  if (retryAt && wait > 0) {
    facts.push(t('problem.retryIn', { count: wait }));
  }

  return facts;
}
