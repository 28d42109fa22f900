import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { createTestPlatform } from '../support/platform.js';

describe('platform HTTP basics', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should answer health with the database checked', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/health' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { kind: platform.ctx.db.kind },
    });
  });

  it('should echo a request id header, keeping a sane incoming one', async () => {
    const fresh = await platform.app.inject({ method: 'GET', url: '/api/health' });
    const kept = await platform.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'proxy-id-12345678' },
    });
    const hostile = await platform.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });

    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.headers['x-request-id']).toBe('proxy-id-12345678');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer unknown API paths with problem+json in the asked language', async () => {
    const ru = await platform.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    const en = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });

    expect(ru.statusCode).toBe(404);
    expect(ru.headers['content-type']).toContain('application/problem+json');
    expect(ru.json()).toMatchObject({ code: 'route_not_found', title: 'Адрес не существует' });
    expect(en.json()).toMatchObject({ code: 'route_not_found', title: 'No such endpoint' });
    expect(en.json().requestId).toBe(en.headers['x-request-id']);
  });

  it('should answer a broken or over-long path segment with problem+json, not a raw error', async () => {
    const cases = [
      [`/api/v1/buildings/${'a'.repeat(5000)}`, 414, 'path_too_long'],
      ['/api/v1/buildings/%E0%A4%A', 400, 'malformed_request'],
    ] as const;

    for (const [url, status, code] of cases) {
      const response = await platform.app.inject({ method: 'GET', url });

      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code });
    }
  });

  it('should publish an OpenAPI 3.1 document and its browsable docs', async () => {
    const doc = await platform.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const ui = await platform.app.inject({ method: 'GET', url: '/api/docs/' });

    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/health');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
