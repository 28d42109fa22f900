import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo.accounts.js';
import { buildDemoWorld } from '../../src/server/modules/demo/demo.world.js';
import { insertHouse } from '../support/factories.js';
import { createTestPlatform } from '../support/platform.js';

type Entry = {
  seq: number;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  objectType: string;
  objectId: string | null;
  redactedChanges: { field: string; redacted?: true }[];
  hash: string;
};

type SignedIn = { cookie: string; csrf: string; userId: string };

describe('audit journal API', () => {
  let platform: Platform;
  const as: Record<string, SignedIn> = {};

  const signIn = async (login: string): Promise<SignedIn> => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login, password: DEMO_PASSWORD },
    });

    expect(response.statusCode, response.body).toBe(201);

    const header = response.headers['set-cookie'];
    const cookie = String(Array.isArray(header) ? header[0] : header).split(';')[0] ?? '';

    return { cookie, csrf: response.json().csrfToken, userId: response.json().user.id };
  };

  const get = (url: string, who?: SignedIn) =>
    platform.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

  const list = async (who: SignedIn, query = ''): Promise<Entry[]> => {
    const response = await get(`/api/v1/audit-entries?limit=100${query}`, who);

    expect(response.statusCode).toBe(200);

    return response.json<{ items: Entry[] }>().items;
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: 'true' });
    await insertHouse(platform.ctx.db);
    await buildDemoWorld(platform.ctx);

    for (const [key, login] of [
      ['admin', 'admin@mpdom.test'],
      ['inspector', 'inspector@mpdom.test'],
      ['orgAdmin', 'uk-admin@mpdom.test'],
      ['dispatcher', 'dispatcher@mpdom.test'],
      ['owner', 'owner@mpdom.test'],
      ['operator', 'operator@mpdom.test'],
    ] as const) {
      as[key] = await signIn(login);
    }
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should journal the demo build and every sign-in, redacting the address and device', async () => {
    const entries = await list(as.admin!);
    const started = entries.filter((e) => e.action === 'session.started');

    expect(entries.some((e) => e.action === 'demo.built' && e.actorUserId === null)).toBe(true);
    expect(started).toHaveLength(6);
    expect(started.find((e) => e.actorUserId === as.owner!.userId)).toMatchObject({
      actorName: 'Демидова Анна Сергеевна',
      objectType: 'session',
    });
    expect(started[0]?.redactedChanges).toEqual(
      expect.arrayContaining([
        { field: 'ip', redacted: true },
        { field: 'userAgent', redacted: true },
      ]),
    );
    // Newest first.
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
  });

  it('should let admins and inspectors read all, an org admin only its staff, others nobody', async () => {
    const all = await list(as.admin!);
    const inspector = await list(as.inspector!);
    const orgAdmin = await list(as.orgAdmin!);
    const actors = new Set(orgAdmin.map((e) => e.actorUserId));

    expect(inspector).toHaveLength(all.length);
    expect(actors.has(as.orgAdmin!.userId)).toBe(true);
    expect(actors.has(as.dispatcher!.userId)).toBe(true);
    expect(actors.has(as.admin!.userId)).toBe(false);
    expect(actors.has(as.inspector!.userId)).toBe(false);
    expect(actors.has(null)).toBe(false);

    for (const who of [as.owner!, as.operator!, as.dispatcher!]) {
      const response = await get('/api/v1/audit-entries', who);

      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }

    const anonymous = await get('/api/v1/audit-entries');

    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
  });

  it('should filter by actor, action, object and time, and page through the result', async () => {
    const mine = await list(as.admin!, `&actorUserId=${as.owner!.userId}&action=session.started`);

    expect(mine).toHaveLength(1);
    expect(mine[0]?.actorUserId).toBe(as.owner!.userId);

    const byObject = await list(
      as.admin!,
      `&objectType=session&objectId=${encodeURIComponent(mine[0]?.objectId ?? '')}`,
    );

    expect(byObject.map((e) => e.seq)).toEqual([mine[0]?.seq]);
    expect(await list(as.admin!, '&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).toEqual([]);

    const page1 = await get('/api/v1/audit-entries?limit=2&page=1', as.admin);
    const page2 = await get('/api/v1/audit-entries?limit=2&page=2', as.admin);

    expect(page1.json()).toMatchObject({
      page: 1,
      limit: 2,
      total: (await list(as.admin!)).length,
    });
    expect(page2.json().items[0].seq).toBe(page1.json().items[1].seq - 1);
  });

  it('should refuse malformed filters with a clear problem', async () => {
    for (const query of [
      'actorUserId=not-a-uuid',
      'from=yesterday',
      'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      'limit=1000',
      `action=${'x'.repeat(300)}`,
    ]) {
      const response = await get(`/api/v1/audit-entries?${query}`, as.admin);

      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
  });

  it('should journal sign-out in the same chain', async () => {
    const response = await platform.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { cookie: as.operator!.cookie, 'x-csrf-token': as.operator!.csrf },
    });

    expect(response.statusCode).toBe(204);

    const ended = await list(as.admin!, `&action=session.ended&actorUserId=${as.operator!.userId}`);

    expect(ended).toHaveLength(1);
  });

  it('should verify the chain for admins and inspectors and name a tampered entry', async () => {
    const ok = await get('/api/v1/audit-entries/verification', as.inspector);

    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(ok.json().entries).toBeGreaterThanOrEqual(8);

    for (const who of [as.orgAdmin, as.owner, undefined]) {
      expect((await get('/api/v1/audit-entries/verification', who)).statusCode).toBeGreaterThan(
        400,
      );
    }

    await platform.ctx.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete');
      await tx.query(`UPDATE audit_entries SET actor_user_id = NULL WHERE seq = 3`);
      await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete');
    });

    const broken = await get('/api/v1/audit-entries/verification', as.admin);

    expect(broken.json()).toMatchObject({ ok: false, entries: 2, firstBrokenSeq: 3 });
  });

  it('should describe both endpoints in the OpenAPI document', async () => {
    const document = (await get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>();
    const list = document.paths['/api/v1/audit-entries']?.get;

    expect(list?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['actorUserId', 'action', 'objectType', 'objectId', 'from', 'to']),
    );
    expect(document.paths['/api/v1/audit-entries/verification']?.get).toBeDefined();
  });
});
