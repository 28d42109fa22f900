import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo.accounts.js';
import { createTestPlatform } from '../support/platform.js';
import { insertHouse } from '../support/factories.js';

function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;

  return String(first).split(';')[0] ?? '';
}

describe('sessions', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });
    await insertHouse(platform.ctx.db);
    await buildDemoWorld(platform.ctx);
  });

  afterAll(async () => {
    await platform.stop();
  });

  const signIn = (login: string, password: string) =>
    platform.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login, password } });

  it('should sign in by e-mail in any case and by phone in any notation', async () => {
    const byEmail = await signIn('  OWNER@mpdom.test ', DEMO_PASSWORD);
    const byPhone = await signIn('8 (900) 000-00-01', DEMO_PASSWORD);

    expect(byEmail.statusCode).toBe(201);
    expect(byEmail.json().user.displayName).toBe('Демидова Анна Сергеевна');
    expect(byPhone.statusCode).toBe(201);
    expect(byPhone.json().user.id).toBe(byEmail.json().user.id);

    const cookie = String(byEmail.headers['set-cookie']);

    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('should not tell a wrong password from an unknown login', async () => {
    const wrong = await signIn('owner@mpdom.test', 'not-the-password');
    const unknown = await signIn('nobody@mpdom.test', 'not-the-password');
    const garbage = await signIn('<script>alert(1)</script>', 'x');

    for (const response of [wrong, unknown, garbage]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_credentials');
    }

    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('should refuse malformed bodies naming the field', async () => {
    const missing = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'owner@mpdom.test' },
    });
    const huge = await signIn('owner@mpdom.test', 'x'.repeat(129));
    const broken = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });

    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.password');
    expect(huge.json().errors[0]).toMatchObject({ field: 'body.password', rule: 'too_big' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('malformed_request');
  });

  it('should resolve the cookie, demand the CSRF token for writes, and sign out', async () => {
    const session = await signIn('uk-admin@mpdom.test', DEMO_PASSWORD);
    const cookie = cookieOf(session);
    const current = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie },
    });

    expect(current.statusCode).toBe(200);
    expect(current.json().user.roles[0]).toMatchObject({ role: 'organisation_admin' });

    const withoutCsrf = await platform.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { cookie },
    });

    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('csrf_failed');

    const signOut = await platform.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { cookie, 'x-csrf-token': current.json().csrfToken },
    });
    const after = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie },
    });

    expect(signOut.statusCode).toBe(204);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('should ignore forged and tampered cookies', async () => {
    const session = await signIn('owner@mpdom.test', DEMO_PASSWORD);
    const cookie = cookieOf(session);
    const tampered = cookie.slice(0, -3) + (cookie.endsWith('abc') ? 'xyz' : 'abc');

    for (const value of [tampered, 'mpdom_session=forged', 'mpdom_session=']) {
      const response = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/sessions/current',
        headers: { cookie: value },
      });

      expect(response.statusCode).toBe(401);
    }
  });

  it('should rate-limit sign-in attempts from one address', async () => {
    let last = await signIn('nobody@mpdom.test', 'x');

    for (let i = 0; i < 25 && last.statusCode !== 429; i += 1) {
      last = await signIn('nobody@mpdom.test', 'x');
    }

    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'rate_limited' });
    expect(last.json().retryAfterSeconds).toBeGreaterThan(0);
  });
});
