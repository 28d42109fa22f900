import { describe, expect, it } from 'vitest';

import {
  attemptCode,
  counterDay,
  dailyGuessBound,
  dailyResetAt,
  decideSend,
  DEFAULT_OTP_POLICY,
  type ChallengeState,
  type OtpPolicy,
} from './otp-policy.js';

const policy = DEFAULT_OTP_POLICY;
const at = (iso: string) => new Date(iso);
const seconds = (date: Date, s: number) => new Date(date.getTime() + s * 1000);

function issued(now: Date): ChallengeState {
  return { expiresAt: seconds(now, 60), attempts: 0, lockedUntil: null, consumedAt: null };
}

describe('one-time codes (C26)', () => {
  it('should spend a code after 10 wrong attempts and refuse even the right one (case 1)', () => {
    let now = at('2026-12-03T09:00:00Z');
    let state = issued(now);
    const verdicts: string[] = [];

    for (let i = 0; i < 10; i += 1) {
      const { verdict, next } = attemptCode(state, false, now);

      verdicts.push(verdict.ok ? 'ok' : verdict.code);
      state = next;
      now = seconds(now, policy.attemptPauseSeconds);
    }

    expect(verdicts.slice(0, 9)).toEqual(Array(9).fill('otp_invalid'));
    expect(verdicts[9]).toBe('otp_exhausted');
    expect(attemptCode(state, true, now).verdict).toEqual({ ok: false, code: 'otp_exhausted' });
  });

  it('should count down attempts and pause between them', () => {
    const now = at('2026-12-03T09:00:00Z');
    const first = attemptCode(issued(now), false, now);

    expect(first.verdict).toEqual({
      ok: false,
      code: 'otp_invalid',
      attemptsLeft: 9,
      retryAt: seconds(now, 2),
    });

    const tooSoon = attemptCode(first.next, true, seconds(now, 1));

    expect(tooSoon.verdict).toEqual({ ok: false, code: 'otp_pause', retryAt: seconds(now, 2) });
    expect(tooSoon.next).toEqual(first.next);
    expect(attemptCode(first.next, true, seconds(now, 2)).verdict).toEqual({ ok: true });
  });

  it('should call a code entered after 60 s expired, not wrong (case 2)', () => {
    const sent = at('2026-12-03T09:00:00Z');
    const decision = decideSend({
      kind: 'phone',
      now: sent,
      sentToday: { contact: 0, ip: 0 },
      lastSentAt: null,
    });

    expect(decision).toMatchObject({ ok: true, expiresAt: at('2026-12-03T09:01:00Z') });

    const late = attemptCode(issued(sent), true, at('2026-12-03T09:01:30Z'));

    expect(late.verdict).toEqual({ ok: false, code: 'otp_expired' });
    expect(attemptCode(issued(sent), true, at('2026-12-03T09:00:59Z')).verdict.ok).toBe(true);
  });

  it('should refuse a used code', () => {
    const now = at('2026-12-03T09:00:00Z');
    const used = attemptCode(issued(now), true, now).next;

    expect(attemptCode(used, true, now).verdict).toEqual({ ok: false, code: 'otp_used' });
  });

  it('should refuse the 11th code a day per phone and per IP, saying when it resets (case 3)', () => {
    const now = at('2026-12-03T20:30:00Z');
    const midnightMoscow = at('2026-12-03T21:00:00Z');
    const phone = decideSend({
      kind: 'phone',
      now,
      sentToday: { contact: 10, ip: 3 },
      lastSentAt: null,
    });
    const ip = decideSend({
      kind: 'phone',
      now,
      sentToday: { contact: 0, ip: 10 },
      lastSentAt: null,
    });
    const tenth = decideSend({
      kind: 'phone',
      now,
      sentToday: { contact: 9, ip: 9 },
      lastSentAt: null,
    });

    expect(phone).toEqual({ ok: false, limit: 'phone_daily', resetsAt: midnightMoscow, cap: 10 });
    expect(ip).toEqual({ ok: false, limit: 'ip_daily', resetsAt: midnightMoscow, cap: 10 });
    expect(tenth.ok).toBe(true);
  });

  it('should hold a resend until the countdown ends', () => {
    const last = at('2026-12-03T09:00:00Z');
    const input = { kind: 'email' as const, sentToday: { contact: 1, ip: 1 }, lastSentAt: last };

    expect(decideSend({ ...input, now: seconds(last, 59) })).toEqual({
      ok: false,
      limit: 'resend_pause',
      resetsAt: seconds(last, 60),
      cap: null,
    });
    expect(decideSend({ ...input, now: seconds(last, 60) }).ok).toBe(true);
  });

  it('should count days in Moscow time', () => {
    expect(counterDay(at('2026-12-03T20:59:59Z'))).toBe('2026-12-03');
    expect(counterDay(at('2026-12-03T21:00:00Z'))).toBe('2026-12-04');
    expect(dailyResetAt(at('2026-12-03T21:00:00Z'))).toEqual(at('2026-12-04T21:00:00Z'));
  });
});

/**
 * An attacker who knows the victim's phone runs a script for one day: asks for a code, tries
 * distinct codes as fast as the machine answers, asks for a new code after each exhaustion or
 * expiry (C26 case 5). Returns the chance that one of the compared guesses was right (a code is
 * drawn afresh each time, so the chance adds up over codes).
 */
function simulateAttackDay(rules: OtpPolicy): number {
  const dayStart = at('2026-12-03T21:00:00Z');
  const dayEnd = seconds(dayStart, 86_400);
  const space = 10 ** rules.channels.phone.codeLength;
  let now = dayStart;
  let sent = 0;
  let lastSentAt: Date | null = null;
  let guesses = 0;

  while (now < dayEnd) {
    const decision = decideSend(
      { kind: 'phone', now, sentToday: { contact: sent, ip: 0 }, lastSentAt },
      rules,
    );

    if (!decision.ok) {
      now = decision.resetsAt;
      if (decision.limit !== 'resend_pause') {
        break;
      }
      continue;
    }

    sent += 1;
    lastSentAt = now;

    let state: ChallengeState = {
      expiresAt: decision.expiresAt,
      attempts: 0,
      lockedUntil: null,
      consumedAt: null,
    };
    // Each request takes 1 ms; during a pause nothing is compared, so the script waits it out.
    while (state.attempts < space) {
      const { verdict, next } = attemptCode(state, false, now, rules);

      state = next;
      now = new Date(now.getTime() + 1);

      if (!verdict.ok && verdict.code === 'otp_pause') {
        now = verdict.retryAt;
        continue;
      }

      if (!verdict.ok && verdict.code === 'otp_invalid') {
        continue;
      }

      break;
    }

    // Every wrong code that was compared is one distinct guess eliminated.
    guesses += state.attempts;
  }

  return Math.min(1, guesses / space);
}

describe('brute-force bound of one-time codes (C26 case 5)', () => {
  it('should keep the chance to guess a phone code below 1 % a day with the defaults', () => {
    const bound = dailyGuessBound('phone', policy);
    const simulated = simulateAttackDay(policy);

    expect(bound).toBe((10 * 10) / 10_000);
    expect(bound).toBeLessThanOrEqual(0.01);
    expect(simulated).toBe(bound);
    expect(dailyGuessBound('email', policy)).toBeLessThanOrEqual(0.0001);
  });

  it('should exceed the bound without the daily caps', () => {
    const uncapped = { ...policy, dailyCaps: { phone: 1e9, email: 1e9, ip: 1e9 } };

    expect(dailyGuessBound('phone', uncapped)).toBeGreaterThan(0.01);
    expect(simulateAttackDay(uncapped)).toBeGreaterThan(0.01);
  });

  it('should exceed the bound without the per-code lock after 10 attempts', () => {
    const unlocked = { ...policy, maxAttemptsPerCode: Number.POSITIVE_INFINITY };

    expect(dailyGuessBound('phone', unlocked)).toBeGreaterThan(0.01);
    expect(simulateAttackDay(unlocked)).toBeGreaterThan(0.01);
  });

  it('should exceed the bound with neither the attempt limit nor the pause', () => {
    const open = {
      ...policy,
      maxAttemptsPerCode: Number.POSITIVE_INFINITY,
      attemptPauseSeconds: 0,
    };

    expect(dailyGuessBound('phone', open)).toBe(1);
    expect(simulateAttackDay(open)).toBeGreaterThan(0.5);
  });
});
