import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installNulGuard } from './nul-guard.js';
import { installProblemHandlers } from './problem-handler.js';

describe('the NUL guard', () => {
  const app = Fastify();

  beforeAll(async () => {
    installProblemHandlers(app, { spaFallback: () => false });
    installNulGuard(app);
    app.post('/echo/:id', async (request) => ({ body: request.body }));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a NUL anywhere in the body, query or path, naming each field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo/a%00b?q=x%00',
      payload: { reason: 'ok\u0000', items: [{ name: 'fine' }, { name: '\u0000' }] },
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'params.id',
      'querystring.q',
      'body.reason',
      'body.items.1.name',
    ]);
  });

  it('should let ordinary text through, unicode and hostile-looking strings included', async () => {
    const body = { reason: "🏠 кв. 7'; DROP TABLE premises; --", nested: { n: 1, ok: true } };
    const response = await app.inject({ method: 'POST', url: '/echo/1', payload: body });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body });
  });
});
