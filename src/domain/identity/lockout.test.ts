import { describe, expect, it } from 'vitest';

import {
  CLEAR_LOCKOUT,
  DEFAULT_LOCKOUT_POLICY,
  lockedUntil,
  lockSeconds,
  registerFailure,
  type LockoutState,
} from './lockout.js';

describe('lockout', () => {
  it('should lock after the threshold and let the login try again after the lock', () => {
    const start = new Date('2026-12-03T10:00:00Z');
    let state: LockoutState = CLEAR_LOCKOUT;

    for (let i = 1; i < DEFAULT_LOCKOUT_POLICY.threshold; i += 1) {
      state = registerFailure(state, start);
      expect(lockedUntil(state, start)).toBeNull();
    }

    state = registerFailure(state, start);
    expect(lockedUntil(state, start)).toEqual(new Date('2026-12-03T10:01:00Z'));
    expect(lockedUntil(state, new Date('2026-12-03T10:01:00Z'))).toBeNull();
  });

  it('should make every further lock longer, up to a day', () => {
    expect([1, 2, 3, 4].map((level) => lockSeconds(level))).toEqual([60, 120, 240, 480]);
    expect(lockSeconds(30)).toBe(86_400);

    let now = new Date('2026-12-03T10:00:00Z');
    let state: LockoutState = CLEAR_LOCKOUT;
    const lengths: number[] = [];

    for (let lock = 0; lock < 3; lock += 1) {
      for (let i = 0; i < DEFAULT_LOCKOUT_POLICY.threshold; i += 1) {
        state = registerFailure(state, now);
      }

      lengths.push((state.lockedUntil!.getTime() - now.getTime()) / 1000);
      now = state.lockedUntil!;
    }

    expect(lengths).toEqual([60, 120, 240]);
  });
});
