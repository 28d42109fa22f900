import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { createTestPlatform } from '../support/platform.js';
import {
  CHROME_WINDOWS,
  insertUser,
  SAFARI_IPHONE,
  signInAs,
  TEST_PASSWORD,
} from '../support/security-client.js';

type DeviceSession = { id: string; device: string | null; current: boolean; userAgent: string };
type SessionList = { items: DeviceSession[]; total: number };

describe('security: sessions, devices and password change', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should list the person’s own active sessions with readable devices, current flagged', async () => {
    const { login } = await insertUser(platform);
    const other = await insertUser(platform);
    const laptop = await signInAs(platform, login, TEST_PASSWORD, CHROME_WINDOWS);
    const phone = await signInAs(platform, login, TEST_PASSWORD, SAFARI_IPHONE);
    await signInAs(platform, other.login);

    const response = await phone.request('GET', '/api/v1/sessions');
    const body = response.json<{ items: DeviceSession[]; total: number }>();

    expect(response.statusCode).toBe(200);
    expect(body.total).toBe(2);
    expect(body.items.map((item) => item.device).sort()).toEqual([
      'Chrome 126 · Windows 10',
      'Mobile Safari 17 · iOS 17.5 · Apple iPhone',
    ]);
    expect(body.items.filter((item) => item.current)).toHaveLength(1);
    expect(body.items.find((item) => item.current)?.userAgent).toBe(SAFARI_IPHONE);

    const fromLaptop = (await laptop.request('GET', '/api/v1/sessions')).json<SessionList>();

    expect(fromLaptop.items.find((item) => item.current)?.userAgent).toBe(CHROME_WINDOWS);
  });

  it('should end another of the person’s sessions, which then stops working', async () => {
    const { login, userId } = await insertUser(platform);
    const laptop = await signInAs(platform, login);
    const phone = await signInAs(platform, login, TEST_PASSWORD, SAFARI_IPHONE);
    const sessions = (await laptop.request('GET', '/api/v1/sessions')).json<SessionList>().items;
    const phoneSession = sessions.find((item) => !item.current)!;

    const ended = await laptop.request('DELETE', `/api/v1/sessions/${phoneSession.id}`);

    expect(ended.statusCode).toBe(204);
    expect((await phone.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
    expect((await laptop.request('GET', '/api/v1/sessions')).json().total).toBe(1);

    const journal = await platform.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE actor_user_id = $1 AND object_id = $2`,
      [userId, phoneSession.id],
    );

    expect(journal.map((entry) => entry.action)).toContain('session.ended');
  });

  it('should not end someone else’s session, answering 404 as for a missing one', async () => {
    const alice = await insertUser(platform);
    const bob = await insertUser(platform);
    const aliceSession = await signInAs(platform, alice.login);
    const bobSession = await signInAs(platform, bob.login);
    const bobsId = (await bobSession.request('GET', '/api/v1/sessions')).json().items[0].id;

    const attempt = await aliceSession.request('DELETE', `/api/v1/sessions/${bobsId}`);
    const missing = await aliceSession.request(
      'DELETE',
      '/api/v1/sessions/00000000-0000-4000-8000-000000000000',
    );
    const malformed = await aliceSession.request('DELETE', '/api/v1/sessions/not-a-uuid');

    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().code).toBe('not_found');
    expect(missing.json().detail).toBe(attempt.json().detail);
    expect(malformed.statusCode).toBe(400);
    expect((await bobSession.request('GET', '/api/v1/sessions/current')).statusCode).toBe(200);
  });

  it('should refuse the list and the ending to anonymous callers', async () => {
    const list = await platform.app.inject({ method: 'GET', url: '/api/v1/sessions' });

    expect(list.statusCode).toBe(401);
    expect(list.json().code).toBe('unauthenticated');
  });

  it('should change the password, end the other sessions and keep the current one', async () => {
    const { login, userId } = await insertUser(platform);
    const laptop = await signInAs(platform, login);
    const phone = await signInAs(platform, login, TEST_PASSWORD, SAFARI_IPHONE);
    const newPassword = 'Another-Secret-77';

    const changed = await laptop.request('PUT', '/api/v1/users/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });

    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect((await laptop.request('GET', '/api/v1/sessions/current')).statusCode).toBe(200);
    expect((await phone.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
    await expect(signInAs(platform, login, TEST_PASSWORD)).rejects.toThrow(/401/);
    await expect(signInAs(platform, login, newPassword)).resolves.toBeDefined();

    const [entry] = await platform.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE actor_user_id = $1 AND action = 'user.password_changed'`,
      [userId],
    );

    expect(entry?.action).toBe('user.password_changed');
  });

  it('should refuse a wrong current password and a weak new one, changing nothing', async () => {
    const { login } = await insertUser(platform);
    const session = await signInAs(platform, login);

    const wrongCurrent = await session.request('PUT', '/api/v1/users/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'Another-Secret-77',
    });
    const tooShort = await session.request('PUT', '/api/v1/users/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Ab1!',
    });
    const tooSimple = await session.request('PUT', '/api/v1/users/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'aaaaaaaaaaaa',
    });
    const common = await session.request('PUT', '/api/v1/users/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'qwerty123',
    });
    const missing = await session.request('PUT', '/api/v1/users/me/password', {
      newPassword: 'Another-Secret-77',
    });

    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().code).toBe('current_password_invalid');
    expect(tooShort.json().code).toBe('password_too_short');
    expect(tooSimple.json().code).toBe('password_too_simple');
    expect(common.json().code).toBe('password_common');
    expect(common.json().errors[0].field).toBe('body.newPassword');
    expect(missing.json().errors[0].field).toBe('body.currentPassword');
    await expect(signInAs(platform, login, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('should require the CSRF token for these writes', async () => {
    const { login } = await insertUser(platform);
    const session = await signInAs(platform, login);

    const response = await platform.app.inject({
      method: 'PUT',
      url: '/api/v1/users/me/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Secret-77' },
    });

    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });
});
