import { Readable } from 'node:stream';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { filesRoutes } from '../../src/server/platform/files/files.routes.js';
import { storeUpload } from '../../src/server/platform/files/files.service.js';
import { buildApp } from '../../src/server/platform/http/app.js';
import { appErrorOf } from '../support/errors.js';
import { createFilesHarness } from '../support/files-harness.js';
import {
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePdfOfSize,
  samplePng,
} from '../support/sample-files.js';
import { TEST_USER_HEADER, testSignIn } from '../support/test-sign-in.js';

describe('uploads', () => {
  let harness: Awaited<ReturnType<typeof createFilesHarness>>;

  beforeAll(async () => {
    harness = await createFilesHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  const stored = () => harness.stored();

  describe('over a real socket', () => {
    let server: FastifyInstance;
    let base: string;

    beforeAll(async () => {
      server = await buildApp(harness.ctx, { modules: [testSignIn, filesRoutes] });
      base = await server.listen({ port: 0, host: '127.0.0.1' });
    });

    afterAll(async () => {
      await server.close();
    });

    // fetch builds the multipart body as a browser does and streams it; a refusal must answer
    // while the client is still sending, without waiting for (or storing) the rest.
    async function post(
      name: string,
      type: string,
      data: Buffer,
      user: string | null = harness.owner,
    ) {
      const form = new FormData();

      form.append('file', new Blob([new Uint8Array(data)], { type }), name);

      const response = await fetch(`${base}/api/v1/files`, {
        method: 'POST',
        body: form,
        headers: user ? { [TEST_USER_HEADER]: user } : {},
      });

      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    it('should take a browser-style upload with a Cyrillic name', async () => {
      const data = sampleJpeg();
      const { status, body } = await post('Фото счётчика.jpg', 'image/jpeg', data);

      expect(status).toBe(201);
      expect(body).toMatchObject({ originalName: 'Фото счётчика.jpg', sizeBytes: data.length });
    });

    it('should refuse big hostile uploads mid-stream and leave no connection hanging', async () => {
      const before = await stored();
      const exe = Buffer.concat([sampleExe(), Buffer.alloc(20 * 1024 * 1024)]);
      const big = samplePdfOfSize(20 * 1024 * 1024);

      expect(await post('statement.pdf', 'application/pdf', exe)).toMatchObject({
        status: 415,
        body: { code: 'unsupported_media_type' },
      });
      expect(await post('big.pdf', 'application/pdf', big)).toMatchObject({
        status: 413,
        body: { code: 'payload_too_large' },
      });
      expect(await post('anonymous.pdf', 'application/pdf', big, null)).toMatchObject({
        status: 401,
      });
      expect(await stored()).toEqual(before);

      // Refused requests close their connections, so the server shuts down at once instead of
      // waiting on sockets with unread upload bytes.
      const closed = await Promise.race([
        server.close().then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000)),
      ]);

      expect(closed).toBe('closed');
    });
  });

  describe('storeUpload', () => {
    it('should stop reading an endless stream just past the limit', async () => {
      let pulled = 0;
      const endless = Readable.from(
        (function* () {
          yield samplePdf();

          for (;;) {
            pulled += 16_384;
            yield Buffer.alloc(16_384);
          }
        })(),
      );
      const before = await stored();
      const failure = await appErrorOf(
        storeUpload(harness.ctx, {
          body: endless,
          originalName: 'endless.pdf',
          maxBytes: 64 * 1024,
        }),
      );

      expect(failure.code).toBe('payload_too_large');
      expect(pulled).toBeLessThan(64 * 1024 + 4 * 16_384);
      expect(endless.destroyed).toBe(true);
      expect(await stored()).toEqual(before);
    });

    it('should accept exactly maxBytes and refuse one byte more', async () => {
      const exact = samplePdfOfSize(2000);
      const over = samplePdfOfSize(2001);
      const ok = await storeUpload(harness.ctx, {
        body: exact,
        originalName: 'a.pdf',
        maxBytes: 2000,
      });
      const refused = await appErrorOf(
        storeUpload(harness.ctx, {
          body: Readable.from([over]),
          originalName: 'b.pdf',
          maxBytes: 2000,
        }),
      );

      expect(ok.sizeBytes).toBe(2000);
      expect(refused.code).toBe('payload_too_large');
    });

    it('should give a name without an extension the one its content calls for', async () => {
      const png = await storeUpload(harness.ctx, { body: samplePng(), originalName: 'План этажа' });
      const unnamed = await storeUpload(harness.ctx, { body: sampleJpeg(), originalName: '' });

      expect(png.originalName).toBe('План этажа.png');
      expect(unnamed.originalName).toBe('file.jpg');
    });

    it('should honour a narrower list of allowed kinds', async () => {
      const failure = await appErrorOf(
        storeUpload(harness.ctx, {
          body: samplePng(),
          originalName: 'photo.png',
          allowed: ['pdf'],
        }),
      );

      expect(failure.code).toBe('unsupported_media_type');
      expect(failure.options.detail?.en).toBe(
        'The content is PNG (image/png); only PDF are accepted',
      );
    });

    it("should record the row inside the caller's transaction", async () => {
      const before = await stored();
      let id = '';

      await expect(
        harness.ctx.db.transaction(async (tx) => {
          id = (await storeUpload(harness.ctx, { body: samplePdf(), originalName: 'tx.pdf' }, tx))
            .id;
          throw new Error('the surrounding change failed');
        }),
      ).rejects.toThrow('the surrounding change failed');

      const rows = await harness.ctx.db.query('SELECT 1 FROM stored_files WHERE id = $1', [id]);

      expect(id).not.toBe('');
      expect(rows).toEqual([]);
      expect((await stored()).rows).toBe(before.rows);
    });
  });
});
