import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo.accounts.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { enqueueMessage } from '../../src/server/platform/outbox/outbox.service.js';
import { insertHouse } from '../support/factories.js';
import { createTestPlatform } from '../support/platform.js';
import { nextIp, post, useFakeClock } from '../support/accounts.js';

async function signedIn(platform: Platform, login: string) {
  const response = await post(
    platform,
    '/api/v1/sessions',
    { login, password: DEMO_PASSWORD },
    nextIp(),
  );
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;

  return {
    id: response.json().user.id as string,
    headers: { cookie, 'x-csrf-token': response.json().csrfToken as string },
  };
}

describe('notifications, demo outbox and counter resets', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });
    await insertHouse(platform.ctx.db);
    await buildDemoWorld(platform.ctx);
  });

  beforeEach(() => {
    useFakeClock('2026-12-03T09:00:00Z');
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should list only the signed-in person’s in-app notifications', async () => {
    const owner = await signedIn(platform, 'owner@mpdom.test');
    const resident = await signedIn(platform, 'resident@mpdom.test');

    await enqueueMessage(platform.ctx.db, {
      channel: 'in_app',
      recipient: owner.id,
      subject: 'Счёт',
      body: 'Готов счёт за ноябрь',
    });
    await enqueueMessage(platform.ctx.db, {
      channel: 'in_app',
      recipient: resident.id,
      body: 'Чужое',
    });

    const mine = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: owner.headers,
    });
    const anonymous = await platform.app.inject({ method: 'GET', url: '/api/v1/notifications' });

    expect(mine.json()).toMatchObject({
      total: 1,
      items: [{ subject: 'Счёт', body: 'Готов счёт за ноябрь' }],
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('should show the demo outbox to the operator only', async () => {
    const ip = nextIp();
    const id = (
      await post(
        platform,
        '/api/v1/registrations',
        { phone: '+79040000001', surname: 'А', name: 'Б' },
        ip,
      )
    ).json().registrationId;

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    const operator = await signedIn(platform, 'operator@mpdom.test');
    const owner = await signedIn(platform, 'owner@mpdom.test');
    const url = '/api/v1/outbox-messages?recipient=8%20904%20000-00-01&limit=5';
    const seen = await platform.app.inject({ method: 'GET', url, headers: operator.headers });
    const refused = await platform.app.inject({ method: 'GET', url, headers: owner.headers });

    expect(seen.statusCode).toBe(200);
    expect(seen.json().items[0]).toMatchObject({ channel: 'sms', recipient: '+79040000001' });
    expect(seen.json().items[0].body).toMatch(/код \d{4}/);
    expect(refused.statusCode).toBe(403);
  });

  it('should let an operator reset a phone’s counters, journaled, and refuse others', async () => {
    const phone = '+79040000002';

    for (let i = 0; i < 10; i += 1) {
      const ip = nextIp();
      const id = (
        await post(platform, '/api/v1/registrations', { phone, surname: 'А', name: 'Б' }, ip)
      ).json().registrationId;

      await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);
    }

    const ip = nextIp();
    const id = (
      await post(platform, '/api/v1/registrations', { phone, surname: 'А', name: 'Б' }, ip)
    ).json().registrationId;
    const capped = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    expect(capped.json().limit).toBe('phone_daily');

    const owner = await signedIn(platform, 'owner@mpdom.test');
    const operator = await signedIn(platform, 'operator@mpdom.test');
    const url = '/api/v1/otp-counters?phone=%2B79040000002';
    const denied = await platform.app.inject({ method: 'DELETE', url, headers: owner.headers });
    const both = await platform.app.inject({
      method: 'DELETE',
      url: `${url}&email=a@b.ru`,
      headers: operator.headers,
    });
    const reset = await platform.app.inject({ method: 'DELETE', url, headers: operator.headers });

    expect(denied.statusCode).toBe(403);
    expect(both.statusCode).toBe(400);
    expect(reset.json()).toEqual({ scope: 'phone', key: phone, removed: 1 });

    const again = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    expect(again.statusCode).toBe(202);

    const journal = await platform.ctx.db.query<{ actor: string; text: string }>(
      `SELECT actor_user_id AS actor, redacted_changes::text AS text FROM audit_entries
       WHERE action = 'otp.counters_reset'`,
    );

    expect(journal).toHaveLength(1);
    expect(journal[0]!.actor).toBe(operator.id);
    expect(journal[0]!.text).not.toContain('79040000002');
  });
});

describe('demo outbox outside the demo', () => {
  it('should not exist', async () => {
    const platform = await createTestPlatform({ DEMO: 'false' });
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/outbox-messages' });

    expect(response.statusCode).toBe(404);
    await platform.stop();
  });
});
