import { useEffect, useState } from 'react';

/**
 * The current time, ticking every second while `active`; countdowns (resend a code, the pause
 * after a wrong one) read it instead of calling Date.now() while rendering.
 */
export function useNow(active = true): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) {
      return;
    }

    const timer = window.setInterval(() => setNow(Date.now()), 1000);

    return () => window.clearInterval(timer);
  }, [active]);

  return now;
}

/** Whole seconds from `now` until `iso`, never below zero; 0 for a missing or broken time. */
export function secondsUntil(iso: string | undefined | null, now: number): number {
  if (!iso) {
    return 0;
  }

  const at = new Date(iso).getTime();

  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
