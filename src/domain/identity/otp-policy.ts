import { TZDate } from '@date-fns/tz';

/**
 * One-time codes (issue 3, case C26) as a pure state machine: the policy is data with defaults,
 * and each function takes the current time, so tests drive it with a clock instead of sleeping.
 */

export type ContactKind = 'phone' | 'email';

export type OtpPolicy = {
  /** Code length and lifetime per channel. */
  channels: Record<ContactKind, { codeLength: number; ttlSeconds: number }>;
  /** Wrong codes accepted for checking per issued code; then the code is spent (C26: 10). */
  maxAttemptsPerCode: number;
  /** After a wrong code, the code cannot be tried again for this long (per-code lock). */
  attemptPauseSeconds: number;
  /** A new code for the same contact may be asked for this long after the previous one. */
  resendAfterSeconds: number;
  /** Codes sent per calendar day per phone, per e-mail address and per client IP (C26: 10). */
  dailyCaps: { phone: number; email: number; ip: number };
  /** The calendar day of the daily caps is the day in this time zone. */
  timeZone: string;
};

/**
 * Defaults. SMS codes are 4 digits (typed from a lock-screen preview; C26 reasons with 4 digits)
 * and live 60 s (C26 case 2). E-mail can take minutes to arrive, so its codes are 6 digits and
 * live 10 minutes; the same caps keep their guessing odds far below the SMS ones.
 */
export const DEFAULT_OTP_POLICY: OtpPolicy = {
  channels: {
    phone: { codeLength: 4, ttlSeconds: 60 },
    email: { codeLength: 6, ttlSeconds: 600 },
  },
  maxAttemptsPerCode: 10,
  attemptPauseSeconds: 2,
  resendAfterSeconds: 60,
  dailyCaps: { phone: 10, email: 10, ip: 10 },
  timeZone: 'Europe/Moscow',
};

export type DailyLimit = 'phone_daily' | 'email_daily' | 'ip_daily' | 'resend_pause';

export type SendDecision =
  | { ok: true; expiresAt: Date; resendAvailableAt: Date; day: string }
  | { ok: false; limit: DailyLimit; resetsAt: Date; cap: number | null };

/** The calendar day (`YYYY-MM-DD`) that daily caps count in. */
export function counterDay(now: Date, policy: OtpPolicy = DEFAULT_OTP_POLICY): string {
  const local = new TZDate(now.getTime(), policy.timeZone);
  const month = String(local.getMonth() + 1).padStart(2, '0');
  const day = String(local.getDate()).padStart(2, '0');

  return `${local.getFullYear()}-${month}-${day}`;
}

/** When the daily counters of `now`'s day start again from zero: the next local midnight. */
export function dailyResetAt(now: Date, policy: OtpPolicy = DEFAULT_OTP_POLICY): Date {
  const local = new TZDate(now.getTime(), policy.timeZone);
  const midnight = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + 1,
    0,
    0,
    0,
    policy.timeZone,
  );

  return new Date(midnight.getTime());
}

/**
 * Decides whether a code may be sent to a contact. `sentToday` are the codes already sent today
 * to this contact and from this IP; `lastSentAt` is when the previous code for the same step and
 * contact went out. The resend countdown is checked first: it costs nothing from the caps.
 */
export function decideSend(
  input: {
    kind: ContactKind;
    now: Date;
    sentToday: { contact: number; ip: number };
    lastSentAt: Date | null;
  },
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): SendDecision {
  const { kind, now, sentToday, lastSentAt } = input;

  if (lastSentAt) {
    const resendAt = new Date(lastSentAt.getTime() + policy.resendAfterSeconds * 1000);

    if (now < resendAt) {
      return { ok: false, limit: 'resend_pause', resetsAt: resendAt, cap: null };
    }
  }

  const contactCap = policy.dailyCaps[kind];

  if (sentToday.contact >= contactCap) {
    const limit = kind === 'phone' ? 'phone_daily' : 'email_daily';

    return { ok: false, limit, resetsAt: dailyResetAt(now, policy), cap: contactCap };
  }

  if (sentToday.ip >= policy.dailyCaps.ip) {
    return {
      ok: false,
      limit: 'ip_daily',
      resetsAt: dailyResetAt(now, policy),
      cap: policy.dailyCaps.ip,
    };
  }

  return {
    ok: true,
    expiresAt: new Date(now.getTime() + policy.channels[kind].ttlSeconds * 1000),
    resendAvailableAt: new Date(now.getTime() + policy.resendAfterSeconds * 1000),
    day: counterDay(now, policy),
  };
}

/** What is stored about one issued code. */
export type ChallengeState = {
  expiresAt: Date;
  /** Wrong codes checked so far. */
  attempts: number;
  lockedUntil: Date | null;
  consumedAt: Date | null;
};

export type AttemptVerdict =
  | { ok: true }
  | { ok: false; code: 'otp_invalid'; attemptsLeft: number; retryAt: Date }
  | { ok: false; code: 'otp_exhausted' }
  | { ok: false; code: 'otp_expired' }
  | { ok: false; code: 'otp_used' }
  | { ok: false; code: 'otp_pause'; retryAt: Date };

/**
 * Whether an entered code may be compared at all. A spent code refuses even the right code
 * (C26 case 1), an expired one says so rather than «wrong code» (case 2), and during the pause
 * after a wrong code nothing is compared, so guessing cannot outrun the pause.
 */
export function precheckAttempt(
  state: ChallengeState,
  now: Date,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): AttemptVerdict | null {
  if (state.consumedAt) {
    return { ok: false, code: 'otp_used' };
  }

  if (state.attempts >= policy.maxAttemptsPerCode) {
    return { ok: false, code: 'otp_exhausted' };
  }

  if (now >= state.expiresAt) {
    return { ok: false, code: 'otp_expired' };
  }

  if (state.lockedUntil && now < state.lockedUntil) {
    return { ok: false, code: 'otp_pause', retryAt: state.lockedUntil };
  }

  return null;
}

/**
 * One attempt: `matches` says whether the entered code equals the issued one (the caller compares
 * hashes). Returns the verdict and the state to store.
 */
export function attemptCode(
  state: ChallengeState,
  matches: boolean,
  now: Date,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): { verdict: AttemptVerdict; next: ChallengeState } {
  const refused = precheckAttempt(state, now, policy);

  if (refused) {
    return { verdict: refused, next: state };
  }

  if (matches) {
    return { verdict: { ok: true }, next: { ...state, consumedAt: now } };
  }

  const attempts = state.attempts + 1;
  const lockedUntil = new Date(now.getTime() + policy.attemptPauseSeconds * 1000);
  const next = { ...state, attempts, lockedUntil };
  const attemptsLeft = policy.maxAttemptsPerCode - attempts;

  if (attemptsLeft <= 0) {
    return { verdict: { ok: false, code: 'otp_exhausted' }, next };
  }

  return { verdict: { ok: false, code: 'otp_invalid', attemptsLeft, retryAt: lockedUntil }, next };
}

/**
 * The most codes one issued code lets an attacker check: the attempt limit, and, when the limit is
 * off, as many as the pause lets through in the code's lifetime (unbounded without either).
 */
export function guessesPerCode(kind: ContactKind, policy: OtpPolicy = DEFAULT_OTP_POLICY): number {
  const { ttlSeconds } = policy.channels[kind];
  const byPause =
    policy.attemptPauseSeconds > 0
      ? 1 + Math.floor(ttlSeconds / policy.attemptPauseSeconds)
      : Number.POSITIVE_INFINITY;

  return Math.min(policy.maxAttemptsPerCode, byPause);
}

/**
 * Upper bound of an attacker's chance to guess a code for one contact in one day (C26 case 5):
 * codes per day × guesses per code ÷ possible codes. Without a daily cap the codes per day are
 * bounded only by the resend countdown.
 */
export function dailyGuessBound(kind: ContactKind, policy: OtpPolicy = DEFAULT_OTP_POLICY): number {
  // Per contact, not per IP: an attacker can change addresses but not the victim's phone.
  const cap = policy.dailyCaps[kind];
  const byCountdown =
    policy.resendAfterSeconds > 0
      ? Math.ceil(86_400 / policy.resendAfterSeconds)
      : Number.POSITIVE_INFINITY;
  const codesPerDay = Math.min(cap, byCountdown);
  const space = 10 ** policy.channels[kind].codeLength;

  return Math.min(1, (codesPerDay * guessesPerCode(kind, policy)) / space);
}
