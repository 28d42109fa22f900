/**
 * The time the accounts rules see. Code lifetimes, pauses, daily caps and locks are all decided
 * against it, so tests move it forward instead of sleeping; production reads the system clock.
 */
export const accountsClock = {
  now: (): Date => new Date(),
};
