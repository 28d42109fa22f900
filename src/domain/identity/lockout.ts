/**
 * Sign-in lockout (issue 3): after `threshold` wrong passwords in a row the login is locked, and
 * every further lock lasts longer (1, 2, 4 … minutes up to a day) until a successful sign-in or a
 * recovery clears the record. Tracked per login as typed, whether or not an account has it, so a
 * lock tells nothing about the account's existence.
 */

export type LockoutPolicy = {
  /** Consecutive failures that trigger a lock. */
  threshold: number;
  baseLockSeconds: number;
  /** Each further lock lasts this many times longer than the previous one. */
  factor: number;
  maxLockSeconds: number;
};

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  threshold: 5,
  baseLockSeconds: 60,
  factor: 2,
  maxLockSeconds: 24 * 60 * 60,
};

export type LockoutState = {
  /** Failures since the last lock (or success). */
  failures: number;
  /** Locks imposed since the last success; sets the next lock's length. */
  lockLevel: number;
  lockedUntil: Date | null;
};

export const CLEAR_LOCKOUT: LockoutState = { failures: 0, lockLevel: 0, lockedUntil: null };

/** The length of the `level`-th lock (1-based). */
export function lockSeconds(level: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): number {
  const seconds = policy.baseLockSeconds * policy.factor ** Math.max(level - 1, 0);

  return Math.min(seconds, policy.maxLockSeconds);
}

/** The moment the login is locked until, or null when it may try now. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil && now < state.lockedUntil ? state.lockedUntil : null;
}

/** Records one wrong password; the result says whether it started a lock and until when. */
export function registerFailure(
  state: LockoutState,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): LockoutState {
  const failures = state.failures + 1;

  if (failures < policy.threshold) {
    return { ...state, failures };
  }

  const lockLevel = state.lockLevel + 1;

  return {
    failures: 0,
    lockLevel,
    lockedUntil: new Date(now.getTime() + lockSeconds(lockLevel, policy) * 1000),
  };
}
