import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo.accounts.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { insertHouse } from '../support/factories.js';
import { createTestPlatform } from '../support/platform.js';
import { latestCode, nextIp, post, useFakeClock } from '../support/accounts.js';

describe('sign-in lockout and recovery', () => {
  let platform: Platform;
  let clock: ReturnType<typeof useFakeClock>;

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });
    await insertHouse(platform.ctx.db);
    await buildDemoWorld(platform.ctx);
  });

  beforeEach(() => {
    clock = useFakeClock('2026-12-03T09:00:00Z');
  });

  afterAll(async () => {
    await platform.stop();
  });

  const signIn = (login: string, password: string, ip = nextIp()) =>
    post(platform, '/api/v1/sessions', { login, password }, ip);

  it('should lock after 5 failures for a growing interval and say until when', async () => {
    const answers = [];

    for (let i = 0; i < 5; i += 1) {
      answers.push(await signIn('owner@mpdom.test', 'wrong-password'));
    }

    expect(answers.slice(0, 4).map((r) => r.json<{ code: string }>().code)).toEqual(
      Array(4).fill('invalid_credentials'),
    );
    expect(answers[4]!.statusCode).toBe(423);
    expect(answers[4]!.json()).toMatchObject({
      code: 'account_locked',
      lockedUntil: '2026-12-03T09:01:00.000Z',
    });
    expect(answers[4]!.json().detail).toContain('до 03.12.2026, 12:01 МСК');

    // Locked: even the right password is refused, without being checked.
    const right = await signIn('owner@mpdom.test', DEMO_PASSWORD);

    expect(right.statusCode).toBe(423);

    clock.advance(60);

    for (let i = 0; i < 4; i += 1) {
      await signIn('owner@mpdom.test', 'wrong-password');
    }

    const second = await signIn('owner@mpdom.test', 'wrong-password');

    expect(second.json().lockedUntil).toBe('2026-12-03T09:03:00.000Z');

    clock.advance(120);

    const afterLock = await signIn('owner@mpdom.test', DEMO_PASSWORD);

    expect(afterLock.statusCode).toBe(201);

    // Success forgets the history: the next lock is a minute again.
    for (let i = 0; i < 5; i += 1) {
      await signIn('owner@mpdom.test', 'wrong-password');
    }

    const [throttle] = await platform.ctx.db.query<{ lockLevel: number }>(
      `SELECT lock_level AS "lockLevel" FROM sign_in_throttles WHERE login_key = 'email:owner@mpdom.test'`,
    );

    expect(throttle!.lockLevel).toBe(1);

    const [locks] = await platform.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'sign_in.locked'`,
    );

    expect(locks!.n).toBe(3);
  });

  it('should lock an unknown login exactly like an existing one', async () => {
    const run = async (login: string) => {
      const answers = [];

      for (let i = 0; i < 6; i += 1) {
        const response = await signIn(login, 'wrong-password');

        answers.push({ status: response.statusCode, code: response.json().code });
      }

      const last = await signIn(login, 'wrong-password');

      return { answers, detail: last.json<{ detail: string }>().detail.replace(login, '') };
    };

    const existing = await run('+7 900 000-00-02');
    const unknown = await run('+7 999 999-99-99');

    expect(existing).toEqual(unknown);
    expect(existing.answers[4]).toEqual({ status: 423, code: 'account_locked' });
  });

  it('should unlock by recovery, end the old sessions and sign in with the new password', async () => {
    const login = 'resident@mpdom.test';
    const old = await signIn(login, DEMO_PASSWORD);
    const oldCookie = String(old.headers['set-cookie']).split(';')[0]!;

    expect(old.statusCode).toBe(201);

    for (let i = 0; i < 5; i += 1) {
      await signIn(login, 'wrong-password');
    }

    expect((await signIn(login, DEMO_PASSWORD)).statusCode).toBe(423);

    const ip = nextIp();
    const started = await post(
      platform,
      '/api/v1/recoveries',
      { login: 'Resident@MPDOM.test' },
      ip,
    );

    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ sentTo: 'r***@mpdom.test', attemptsLeft: 10 });

    const id = started.json().recoveryId;
    const early = await post(platform, `/api/v1/recoveries/${id}/password`, {
      password: 'New-pass-2026',
    });

    expect(early.statusCode).toBe(409);

    const confirmed = await post(
      platform,
      `/api/v1/recoveries/${id}/confirmations`,
      { code: await latestCode(platform, login) },
      ip,
    );

    expect(confirmed.json()).toEqual({ recoveryId: id, nextStep: 'password' });

    const weak = await post(platform, `/api/v1/recoveries/${id}/password`, {
      password: 'пароль123',
    });

    expect(weak.json().code).toBe('password_common');

    const done = await post(platform, `/api/v1/recoveries/${id}/password`, {
      password: 'New-pass-2026',
    });

    expect(done.statusCode).toBe(201);

    const oldSession = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie: oldCookie },
    });

    expect(oldSession.statusCode).toBe(401);
    expect((await signIn(login, 'New-pass-2026')).statusCode).toBe(201);
    expect((await signIn(login, DEMO_PASSWORD)).statusCode).toBe(401);

    const [audit] = await platform.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'user.password_recovered'`,
    );

    expect(audit!.n).toBe(1);
  });

  it('should answer a recovery for an unknown login like a known one, and never confirm it', async () => {
    const known = await post(platform, '/api/v1/recoveries', { login: '+79000000003' }, nextIp());
    const unknown = await post(platform, '/api/v1/recoveries', { login: '+79888888888' }, nextIp());

    expect(unknown.statusCode).toBe(known.statusCode);
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(known.json()).sort());

    const [messages] = await platform.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient = '+79888888888'`,
    );

    expect(messages!.n).toBe(0);

    const id = unknown.json().recoveryId;
    const guesses = [];

    for (const code of ['0000', '1234', '9999']) {
      guesses.push(
        (await post(platform, `/api/v1/recoveries/${id}/confirmations`, { code })).json<{
          code: string;
          attemptsLeft: number;
        }>(),
      );
      clock.advance(2);
    }

    expect(guesses.map((g) => g.code)).toEqual(['otp_invalid', 'otp_invalid', 'otp_invalid']);
    expect(guesses.map((g) => g.attemptsLeft)).toEqual([9, 8, 7]);
  });

  it('should pause between code attempts', async () => {
    const started = await post(platform, '/api/v1/recoveries', { login: '+79000000004' }, nextIp());
    const id = started.json().recoveryId;
    const first = await post(platform, `/api/v1/recoveries/${id}/confirmations`, { code: '00000' });
    const second = await post(platform, `/api/v1/recoveries/${id}/confirmations`, {
      code: '11111',
    });

    expect(first.json().code).toBe('otp_invalid');
    expect(second.json()).toMatchObject({ code: 'otp_pause', retryAt: '2026-12-03T09:00:02.000Z' });
  });
});
