import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

import {
  attemptCode,
  counterDay,
  decideSend,
  DEFAULT_OTP_POLICY,
  type AttemptVerdict,
  type ContactKind,
  type OtpPolicy,
} from '../../../domain/identity/otp-policy.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import type { NewMessage } from '../../platform/outbox/outbox.schema.js';
import {
  findLatestChallenge,
  incrementCounters,
  insertChallenge,
  lockCounters,
  updateChallenge,
} from './otp.repo.js';

/** The policy in force; data with the defaults of C26 (see otp-policy.ts). */
export const otpPolicy: OtpPolicy = DEFAULT_OTP_POLICY;

export type OtpPurpose = 'registration' | 'recovery' | 'protocol_signature' | 'document_signature';

export type IssuedCode = {
  expiresAt: Date;
  resendAvailableAt: Date;
  attemptsLeft: number;
};

// Codes are short, so a plain hash would be reversed by trying all 10 000; keyed with the
// server's secret, a stolen table alone reveals nothing.
export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${challengeId}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');

  return left.length === right.length && timingSafeEqual(left, right);
}

function describeWait(resetsAt: Date): { ru: string; en: string } {
  const moscow = new Intl.DateTimeFormat('ru-RU', {
    timeZone: otpPolicy.timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(resetsAt);

  return { ru: `${moscow} МСК`, en: `${resetsAt.toISOString()} (${moscow} Moscow time)` };
}

const LIMIT_TEXT = {
  phone_daily: {
    ru: 'На этот номер сегодня отправлено максимальное число кодов',
    en: 'This number has received the most codes allowed today',
  },
  email_daily: {
    ru: 'На этот адрес сегодня отправлено максимальное число кодов',
    en: 'This address has received the most codes allowed today',
  },
  ip_daily: {
    ru: 'С вашего IP-адреса сегодня запрошено максимальное число кодов',
    en: 'Your IP address has requested the most codes allowed today',
  },
  resend_pause: {
    ru: 'Новый код можно запросить чуть позже',
    en: 'A new code can be requested a little later',
  },
} as const;

/**
 * Sends a fresh code for one step (registration or recovery) to one contact, inside the caller's
 * transaction: checks the resend countdown and the daily caps, stores the code's HMAC and puts
 * the message in the outbox. `compose` returns the message for a code, or null to send nothing
 * (a recovery for an unknown login) — the caller cannot tell either case from the answer.
 */
export async function issueCode(
  tx: Queryable,
  input: {
    secret: string;
    purpose: OtpPurpose;
    subjectId: string;
    kind: ContactKind;
    contact: string;
    ip: string;
    now: Date;
    compose: (code: string, ttlMinutes: number) => NewMessage | null;
  },
): Promise<IssuedCode> {
  const { kind, now } = input;
  const previous = await findLatestChallenge(tx, { ...input, kind });
  const keys = [
    { scope: kind, key: input.contact },
    { scope: 'ip' as const, key: input.ip },
  ];
  const day = counterDay(now, otpPolicy);
  const counts = await lockCounters(tx, day, keys);
  const decision = decideSend(
    {
      kind,
      now,
      sentToday: {
        contact: counts.get(`${kind}:${input.contact}`) ?? 0,
        ip: counts.get(`ip:${input.ip}`) ?? 0,
      },
      lastSentAt: previous?.createdAt ?? null,
    },
    otpPolicy,
  );

  if (!decision.ok) {
    const when = describeWait(decision.resetsAt);
    const text = LIMIT_TEXT[decision.limit];

    throw new AppError('otp_limit', {
      detail: {
        ru: `${text.ru}. Повторите после ${when.ru}.`,
        en: `${text.en}. Try again after ${when.en}.`,
      },
      extra: {
        limit: decision.limit,
        resetsAt: decision.resetsAt.toISOString(),
        ...(decision.cap === null ? {} : { cap: decision.cap }),
      },
    });
  }

  const { codeLength, ttlSeconds } = otpPolicy.channels[kind];
  const code = String(randomInt(0, 10 ** codeLength)).padStart(codeLength, '0');
  const id = randomUUID();
  const message = input.compose(code, Math.round(ttlSeconds / 60));

  await insertChallenge(tx, {
    id,
    purpose: input.purpose,
    subjectId: input.subjectId,
    kind,
    contact: input.contact,
    // Without a message nobody learns the code: store the HMAC of another random value.
    codeHash: hashCode(input.secret, id, message ? code : randomUUID()),
    createdAt: now,
    expiresAt: decision.expiresAt,
  });
  await incrementCounters(tx, day, keys);

  if (message) {
    await enqueueMessage(tx, { ...message, metadata: { ...message.metadata, challengeId: id } });
  }

  return {
    expiresAt: decision.expiresAt,
    resendAvailableAt: decision.resendAvailableAt,
    attemptsLeft: otpPolicy.maxAttemptsPerCode,
  };
}

/**
 * Checks an entered code against the latest code of the step, under a row lock so concurrent
 * guesses are taken one at a time. The attempt is stored even when it fails, so call it in a
 * transaction that commits, and throw the verdict afterwards with `throwOtpVerdict`.
 */
export async function checkCode(
  tx: Queryable,
  input: {
    secret: string;
    purpose: OtpPurpose;
    subjectId: string;
    kind: ContactKind;
    code: string;
    now: Date;
  },
): Promise<AttemptVerdict> {
  const challenge = await findLatestChallenge(tx, input, { lock: true });

  if (!challenge) {
    return { ok: false, code: 'otp_expired' };
  }

  const matches = sameHash(challenge.codeHash, hashCode(input.secret, challenge.id, input.code));
  const { verdict, next } = attemptCode(challenge, matches, input.now, otpPolicy);

  if (next !== challenge) {
    await updateChallenge(tx, challenge.id, next);
  }

  return verdict;
}

/** Turns a refused attempt into its problem document with the extension members of the contract. */
export function throwOtpVerdict(verdict: AttemptVerdict): void {
  if (verdict.ok) {
    return;
  }

  switch (verdict.code) {
    case 'otp_invalid': {
      const left = verdict.attemptsLeft;

      throw new AppError('otp_invalid', {
        detail: {
          ru: `Неверный код. Осталось попыток: ${left}`,
          en: `Wrong code. Attempts left: ${left}`,
        },
        extra: { attemptsLeft: left, retryAt: verdict.retryAt.toISOString() },
      });
    }
    case 'otp_pause': {
      const when = describeWait(verdict.retryAt);

      throw new AppError('otp_pause', {
        detail: {
          ru: `Следующую попытку можно сделать после ${when.ru}`,
          en: `The next attempt is possible after ${when.en}`,
        },
        extra: { retryAt: verdict.retryAt.toISOString() },
      });
    }
    case 'otp_exhausted':
      throw new AppError('otp_exhausted', { extra: { attemptsLeft: 0 } });
    default:
      throw new AppError(verdict.code);
  }
}
