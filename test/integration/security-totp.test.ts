import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { createTestPlatform } from '../support/platform.js';
import {
  insertUser,
  sessionFrom,
  signInAs,
  TEST_PASSWORD,
  type SessionClient,
} from '../support/security-client.js';

/** The code an authenticator app shows `offsetSeconds` from now. */
function appCode(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

function wrongCode(right: string): string {
  return String((Number(right) + 1) % 1_000_000).padStart(6, '0');
}

describe('security: TOTP second factor', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  afterAll(async () => {
    await platform.stop();
  });

  const passwordSignIn = (login: string, remoteAddress = '127.0.0.1') =>
    platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      remoteAddress,
      payload: { login, password: TEST_PASSWORD },
    });

  const secondFactor = (payload: Record<string, string>, remoteAddress = '127.0.0.1') =>
    platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/second-factor',
      remoteAddress,
      payload,
    });

  /** A user with a confirmed app; the enrolment spent the code of the current time step. */
  async function enrolledUser(): Promise<{
    login: string;
    userId: string;
    secret: string;
    recoveryCodes: string[];
    session: SessionClient;
  }> {
    const { login, userId } = await insertUser(platform);
    const session = await signInAs(platform, login);
    const { secret } = (await session.request('POST', '/api/v1/users/me/totp')).json();
    const confirmed = await session.request('POST', '/api/v1/users/me/totp/confirmations', {
      code: await appCode(secret),
    });

    expect(confirmed.statusCode).toBe(200);

    return { login, userId, secret, recoveryCodes: confirmed.json().recoveryCodes, session };
  }

  it('should enrol with a sealed secret, a QR code and ten distinct recovery codes', async () => {
    const { login, userId } = await insertUser(platform);
    const session = await signInAs(platform, login);

    const status = async () =>
      (await session.request('GET', '/api/v1/users/me/totp')).json<Record<string, unknown>>();

    expect(await status()).toEqual({
      enabled: false,
      enrolmentPending: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });

    const enrolment = await session.request('POST', '/api/v1/users/me/totp');
    const { secret, otpauthUrl, qrDataUrl } = enrolment.json<{
      secret: string;
      otpauthUrl: string;
      qrDataUrl: string;
    }>();

    expect(enrolment.statusCode).toBe(201);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(otpauthUrl).searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(otpauthUrl)).toContain(login);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(qrDataUrl.split(',')[1]!, 'base64').subarray(1, 4).toString()).toBe('PNG');

    const [stored] = await platform.ctx.db.query<{ sealed: string }>(
      'SELECT secret_sealed AS sealed FROM user_totp WHERE user_id = $1',
      [userId],
    );

    expect(stored?.sealed).not.toContain(secret);

    // Not enabled until confirmed: the password alone still signs in.
    expect((await passwordSignIn(login)).statusCode).toBe(201);

    const wrong = await session.request('POST', '/api/v1/users/me/totp/confirmations', {
      code: wrongCode(await appCode(secret)),
    });
    const malformed = await session.request('POST', '/api/v1/users/me/totp/confirmations', {
      code: '12ab56',
    });

    expect(wrong.json().code).toBe('totp_invalid');
    expect(malformed.json().code).toBe('validation_failed');

    const confirmed = await session.request('POST', '/api/v1/users/me/totp/confirmations', {
      code: await appCode(secret),
    });
    const codes: string[] = confirmed.json().recoveryCodes;

    expect(confirmed.statusCode).toBe(200);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((code) => expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));
    expect(await status()).toMatchObject({
      enabled: true,
      enrolmentPending: false,
      recoveryCodesLeft: 10,
    });

    const again = await session.request('POST', '/api/v1/users/me/totp');

    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('totp_already_enabled');
  });

  it('should ask for the second factor at sign-in and refuse a replayed code', async () => {
    const { login, userId, secret } = await enrolledUser();

    const first = await passwordSignIn(login);

    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('second_factor_required');
    expect(first.headers['set-cookie']).toBeUndefined();

    const { challengeId } = first.json();
    // The enrolment already spent this step's code: it must not work a second time.
    const replayed = await secondFactor({ challengeId, code: await appCode(secret) });

    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().code).toBe('totp_code_used');

    const passed = await secondFactor({ challengeId, code: await appCode(secret, 30) });

    expect(passed.statusCode).toBe(201);
    expect(passed.json().user.id).toBe(userId);

    const session = sessionFrom(platform, passed, 'test');

    expect((await session.request('GET', '/api/v1/sessions/current')).statusCode).toBe(200);

    // A spent challenge cannot open a second session.
    const reused = await secondFactor({ challengeId, code: await appCode(secret, 30) });

    expect(reused.json().code).toBe('second_factor_challenge_invalid');

    const journal = await platform.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE actor_user_id = $1 AND action <> 'session.started'
       ORDER BY seq`,
      [userId],
    );

    expect(journal.map((entry) => entry.action)).toEqual([
      'totp.enrolment_started',
      'totp.enabled',
      'session.second_factor_passed',
    ]);
  });

  it('should accept each recovery code once, typed in any case and without the dash', async () => {
    const { login, recoveryCodes } = await enrolledUser();
    const [firstCode, secondCode] = recoveryCodes as [string, string];

    const one = await secondFactor({
      challengeId: (await passwordSignIn(login)).json().challengeId,
      recoveryCode: firstCode,
    });
    const spent = await secondFactor({
      challengeId: (await passwordSignIn(login)).json().challengeId,
      recoveryCode: firstCode,
    });
    const typedSloppily = await secondFactor({
      challengeId: (await passwordSignIn(login)).json().challengeId,
      recoveryCode: ` ${secondCode.replace('-', '').toUpperCase()} `,
    });

    expect(one.statusCode).toBe(201);
    expect(spent.statusCode).toBe(400);
    expect(spent.json().code).toBe('totp_invalid');
    expect(typedSloppily.statusCode).toBe(201);

    const session = sessionFrom(platform, typedSloppily, 'test');
    const status = (await session.request('GET', '/api/v1/users/me/totp')).json();

    expect(status.recoveryCodesLeft).toBe(8);
  });

  it('should close the challenge after five wrong codes, even for the right one', async () => {
    const ip = '10.0.0.5';
    const { login, userId, secret } = await enrolledUser();
    const { challengeId, attemptsLeft } = (await passwordSignIn(login, ip)).json();
    const right = await appCode(secret, 30);
    const left: number[] = [];

    expect(attemptsLeft).toBe(5);

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await secondFactor({ challengeId, code: wrongCode(right) }, ip);
      expect(response.json().code).toBe('totp_invalid');
      left.push(response.json().attemptsLeft);
    }

    expect(left).toEqual([4, 3, 2, 1, 0]);

    const late = await secondFactor({ challengeId, code: right }, ip);

    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('second_factor_challenge_invalid');

    const [failures] = await platform.ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_entries
       WHERE action = 'session.second_factor_failed' AND object_id = $1`,
      [userId],
    );

    expect(failures?.count).toBe(5);
  });

  it('should cap wrong codes per account across fresh sign-in attempts', async () => {
    const { login, secret } = await enrolledUser();

    for (const ip of ['10.0.1.1', '10.0.1.2']) {
      const { challengeId } = (await passwordSignIn(login, ip)).json();

      for (let attempt = 0; attempt < 5; attempt += 1) {
        await secondFactor({ challengeId, code: wrongCode(await appCode(secret, 30)) }, ip);
      }
    }

    const { challengeId } = (await passwordSignIn(login, '10.0.1.3')).json();
    const right = await secondFactor({ challengeId, code: await appCode(secret, 30) }, '10.0.1.3');

    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('rate_limited');
    expect(right.json().retryAfterSeconds).toBe(900);
  });

  it('should refuse expired, unknown and malformed challenges', async () => {
    const ip = '10.0.0.6';
    const { login, secret } = await enrolledUser();
    const { challengeId } = (await passwordSignIn(login, ip)).json();

    await platform.ctx.db.query(
      `UPDATE second_factor_challenges SET expires_at = now() - interval '1 second'
       WHERE id = $1`,
      [challengeId],
    );

    const expired = await secondFactor({ challengeId, code: await appCode(secret, 30) }, ip);
    const unknown = await secondFactor(
      { challengeId: crypto.randomUUID(), code: await appCode(secret, 30) },
      ip,
    );
    const both = await secondFactor(
      { challengeId, code: '123456', recoveryCode: 'abcde-fghjk' },
      ip,
    );
    const neither = await secondFactor({ challengeId }, ip);

    expect(expired.json().code).toBe('second_factor_challenge_invalid');
    expect(unknown.json().code).toBe('second_factor_challenge_invalid');
    expect(both.statusCode).toBe(400);
    expect(neither.json().code).toBe('validation_failed');
  });

  it('should turn TOTP off only with a fresh code, after which the password suffices', async () => {
    const ip = '10.0.0.7';
    const { login, userId, secret, session } = await enrolledUser();

    const wrong = await session.request('DELETE', '/api/v1/users/me/totp', {
      code: wrongCode(await appCode(secret)),
    });
    const replayed = await session.request('DELETE', '/api/v1/users/me/totp', {
      code: await appCode(secret),
    });

    expect(wrong.json().code).toBe('totp_invalid');
    expect(replayed.json().code).toBe('totp_code_used');
    expect((await passwordSignIn(login, ip)).json().code).toBe('second_factor_required');

    const disabled = await session.request('DELETE', '/api/v1/users/me/totp', {
      code: await appCode(secret, 30),
    });

    expect(disabled.statusCode).toBe(204);
    expect((await passwordSignIn(login, ip)).statusCode).toBe(201);

    const twice = await session.request('DELETE', '/api/v1/users/me/totp', { code: '123456' });

    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('totp_not_enabled');

    const [row] = await platform.ctx.db.query<{ count: number }>(
      `SELECT (SELECT count(*) FROM user_totp WHERE user_id = $1)::int
        + (SELECT count(*) FROM totp_recovery_codes WHERE user_id = $1)::int AS count`,
      [userId],
    );

    expect(row?.count).toBe(0);
  });

  it('should let a recovery code turn TOTP off when the phone is lost', async () => {
    const { login, recoveryCodes, session } = await enrolledUser();

    const disabled = await session.request('DELETE', '/api/v1/users/me/totp', {
      code: recoveryCodes[9],
    });

    expect(disabled.statusCode).toBe(204);
    expect((await passwordSignIn(login, '10.0.0.8')).statusCode).toBe(201);
  });
});
