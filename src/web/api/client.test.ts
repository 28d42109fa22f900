import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ApiError, apiRequest, buildUrl, setCsrfToken, setRequestLanguage } from './client.js';

/**
 * The client against a real HTTP server that answers the way the API does, including
 * problem+json documents, so parsing is tested on actual responses rather than stubs.
 */
let server: http.Server;
let base = '';
let lastHeaders: http.IncomingHttpHeaders = {};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    lastHeaders = request.headers;

    const url = new URL(request.url ?? '/', 'http://localhost');

    switch (url.pathname) {
      case '/ok':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ items: [1, 2], total: 2 }));
        break;
      case '/problem':
        response.writeHead(404, {
          'content-type': 'application/problem+json',
          'x-request-id': 'header-id-123',
        });
        response.end(
          JSON.stringify({
            type: 'https://mpdom.ru/problems/not-found',
            title: 'Не найдено',
            status: 404,
            detail: request.headers['accept-language'] === 'en' ? 'No such house' : 'Дома нет',
            code: 'not_found',
            requestId: 'body-id-456',
            errors: [{ field: 'params.id', rule: 'format', message: 'Invalid UUID' }],
          }),
        );
        break;
      case '/locked':
        response.writeHead(423, { 'content-type': 'application/problem+json' });
        response.end(
          JSON.stringify({
            type: 'https://mpdom.ru/problems/account-locked',
            title: 'Вход временно заблокирован',
            status: 423,
            detail: 'Слишком много неверных попыток',
            code: 'account_locked',
            lockedUntil: '2026-12-03T19:40:00.000Z',
            attemptsLeft: 0,
          }),
        );
        break;
      case '/upload': {
        const chunks: Buffer[] = [];

        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          response.writeHead(201, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ received: Buffer.concat(chunks).toString('latin1') }));
        });
        break;
      }
      case '/gateway':
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html>Bad gateway</html>');
        break;
      case '/broken-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"items": [');
        break;
      case '/empty':
        response.writeHead(204);
        response.end();
        break;
      default:
        response.writeHead(500);
        response.end();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  setRequestLanguage('ru');
  setCsrfToken(undefined);
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );

  expect(error).toBeInstanceOf(ApiError);

  return error as ApiError;
}

describe('apiRequest', () => {
  it('returns the parsed body of a success', async () => {
    await expect(apiRequest(`${base}/ok`)).resolves.toEqual({ items: [1, 2], total: 2 });
  });

  it('turns problem+json into an ApiError carrying detail, code, request id and fields', async () => {
    const error = await failure(apiRequest(`${base}/problem`));

    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
    expect(error.detail).toBe('Дома нет');
    expect(error.requestId).toBe('body-id-456');
    expect(error.fieldErrors).toEqual([
      { field: 'params.id', rule: 'format', message: 'Invalid UUID' },
    ]);
    expect(error.isClientSide).toBe(false);
  });

  it('asks for problems in the chosen language', async () => {
    setRequestLanguage('en');

    const error = await failure(apiRequest(`${base}/problem`));

    expect(lastHeaders['accept-language']).toBe('en');
    expect(error.detail).toBe('No such house');
  });

  it('keeps the extension members of a problem and reads them by type', async () => {
    const error = await failure(apiRequest(`${base}/locked`));

    expect(error.code).toBe('account_locked');
    expect(error.extensions).toEqual({
      lockedUntil: '2026-12-03T19:40:00.000Z',
      attemptsLeft: 0,
    });
    expect(error.text('lockedUntil')).toBe('2026-12-03T19:40:00.000Z');
    expect(error.number('attemptsLeft')).toBe(0);
    // A member of the other type is absent, not coerced.
    expect(error.number('lockedUntil')).toBeUndefined();
    expect(error.text('detail')).toBeUndefined();
  });

  it('sends a FormData body as multipart with its boundary, not as JSON', async () => {
    const form = new FormData();

    form.append('file', new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }), 'scan.pdf');

    const answer = await apiRequest<{ received: string }>(`${base}/upload`, {
      method: 'POST',
      body: form,
    });

    expect(lastHeaders['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(answer.received).toContain('filename="scan.pdf"');
    expect(answer.received).toContain('%PDF-1.4 test');
  });

  it('reports an answer that is not a problem document as unexpected, with its status', async () => {
    const error = await failure(apiRequest(`${base}/gateway`));

    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.detail).toBeUndefined();
    expect(error.isClientSide).toBe(true);
  });

  it('reports a truncated JSON body as unexpected instead of throwing a SyntaxError', async () => {
    const error = await failure(apiRequest(`${base}/broken-json`));

    expect(error.code).toBe('unexpected_response');
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = http.createServer();

    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));

    const port = (closed.address() as AddressInfo).port;

    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(apiRequest(`http://127.0.0.1:${port}/ok`));

    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });

  it('returns nothing for 204', async () => {
    await expect(apiRequest(`${base}/empty`, { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('sends the CSRF token on writes only', async () => {
    setCsrfToken('token-abc');

    await apiRequest(`${base}/empty`, { method: 'DELETE' });
    expect(lastHeaders['x-csrf-token']).toBe('token-abc');

    await apiRequest(`${base}/ok`);
    expect(lastHeaders['x-csrf-token']).toBeUndefined();
  });

  it('sends a JSON body with its content type', async () => {
    await apiRequest(`${base}/empty`, { method: 'POST', body: { login: 'a@b.ru' } });

    expect(lastHeaders['content-type']).toBe('application/json');
  });

  it('passes an abort on as an AbortError, not as a network failure', async () => {
    const controller = new AbortController();

    controller.abort();

    await expect(apiRequest(`${base}/ok`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('buildUrl', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildUrl('/api/v1/buildings', { q: 'ул. Малышева', page: 2, organisationId: '' })).toBe(
      '/api/v1/buildings?q=%D1%83%D0%BB.+%D0%9C%D0%B0%D0%BB%D1%8B%D1%88%D0%B5%D0%B2%D0%B0&page=2',
    );
    expect(buildUrl('/api/v1/buildings', { q: undefined, limit: null })).toBe('/api/v1/buildings');
  });
});
