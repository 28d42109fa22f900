import type { Platform } from '../../src/server/main.js';
import { accountsClock } from '../../src/server/modules/accounts/clock.js';

/** A clock the accounts rules read; tests move it instead of sleeping. */
export function useFakeClock(start = '2026-12-03T09:00:00Z') {
  let now = new Date(start);

  accountsClock.now = () => new Date(now.getTime());

  return {
    now: () => now,
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
    set(iso: string) {
      now = new Date(iso);
    },
  };
}

let ipSeq = 0;

/** A fresh client address, so tests do not share per-IP limits unless they mean to. */
export function nextIp(): string {
  ipSeq += 1;

  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
}

/** The code in the latest message to a recipient, as the person would read it. */
export async function latestCode(platform: Platform, recipient: string): Promise<string> {
  const [row] = await platform.ctx.db.query<{ body: string }>(
    'SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY seq DESC LIMIT 1',
    [recipient],
  );
  const code = /(\d{4,8})/.exec(row?.body ?? '')?.[1];

  if (!code) {
    throw new Error(`no code sent to ${recipient}`);
  }

  return code;
}

export function post(platform: Platform, url: string, payload: unknown, ip = '10.0.0.1') {
  return platform.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress: ip,
  });
}

export const LEGAL = {
  personalDataConsentVersion: 'pd-2026-12-01',
  userAgreementVersion: 'ua-2026-12-01',
};

/** Runs the wizard to the password step for a phone (and optional e-mail); returns its id. */
export async function registerUpToPassword(
  platform: Platform,
  contacts: { phone?: string; email?: string },
  ip = nextIp(),
): Promise<string> {
  const started = await post(
    platform,
    '/api/v1/registrations',
    { ...contacts, surname: 'Иванова', name: 'Мария', patronymic: 'Петровна' },
    ip,
  );
  const id = started.json().registrationId as string;

  for (const kind of ['phone', 'email'] as const) {
    const value = contacts[kind];

    if (!value) {
      continue;
    }

    const sent = await post(platform, `/api/v1/registrations/${id}/codes`, { kind }, ip);

    if (sent.statusCode !== 202) {
      throw new Error(`code not sent: ${sent.body}`);
    }

    const recipient = kind === 'email' ? value.toLowerCase() : value;
    const code = await latestCode(platform, recipient);
    const confirmed = await post(
      platform,
      `/api/v1/registrations/${id}/confirmations`,
      { kind, code },
      ip,
    );

    if (confirmed.statusCode !== 200) {
      throw new Error(`not confirmed: ${confirmed.body}`);
    }
  }

  await post(platform, `/api/v1/registrations/${id}/consents`, LEGAL, ip);

  return id;
}
