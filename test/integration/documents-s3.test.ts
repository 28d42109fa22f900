import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

// s3rver ships no types; it is a pure-JS S3-compatible server, started here on a loopback port.
// @ts-expect-error -- untyped CommonJS module
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StorageObjectNotFoundError } from '../../src/server/platform/files/file-storage.js';
import { S3FileStorage } from '../../src/server/platform/files/s3-file-storage.js';
import { createAccessWorld, requestAs, type AccessWorld } from '../support/access-world.js';
import { documentForm, formAs } from '../support/documents.js';
import { samplePdf, samplePdfOfSize } from '../support/sample-files.js';

type Server = { run(): Promise<{ port: number }>; close(): Promise<void> };

describe('documents on an S3-compatible store', () => {
  const bucket = 'mpdom-test';
  let server: Server;
  let endpoint: string;
  let storage: S3FileStorage;

  beforeAll(async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-s3-'));

    server = new (S3rver as new (options: object) => Server)({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });

    const { port } = await server.run();

    endpoint = `http://127.0.0.1:${port}`;
    storage = new S3FileStorage({
      endpoint,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('should stream an object in and out with its size and SHA-256 measured on the way', async () => {
    const bytes = samplePdf('s3 object');
    const stored = await storage.put('2026/12/object-1', Readable.from([bytes]), {
      contentType: 'application/pdf',
    });

    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await buffer(await storage.openRead('2026/12/object-1'))).equals(bytes)).toBe(true);
    expect((await storage.stat('2026/12/object-1'))?.sizeBytes).toBe(bytes.length);

    await storage.delete('2026/12/object-1');

    expect(await storage.exists('2026/12/object-1')).toBe(false);
    await expect(storage.openRead('2026/12/object-1')).rejects.toBeInstanceOf(
      StorageObjectNotFoundError,
    );
  });

  it('should refuse an oversized stream and leave no object behind', async () => {
    await expect(
      storage.put('2026/12/too-big', Readable.from([samplePdfOfSize(20_000)]), {
        maxBytes: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await storage.exists('2026/12/too-big')).toBe(false);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/unsafe/);
  });

  describe('the platform configured with STORAGE_BACKEND=s3', () => {
    let world: AccessWorld;

    beforeAll(async () => {
      world = await createAccessWorld({
        STORAGE_BACKEND: 's3',
        S3_ENDPOINT: endpoint,
        S3_REGION: 'us-east-1',
        S3_BUCKET: bucket,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      });
    });

    afterAll(async () => {
      await world?.platform.stop();
    });

    it('should keep an uploaded document in the bucket and stream it back', async () => {
      const owner = await world.openSession('owner@mpdom.test');
      const pdf = samplePdf('stored in s3');
      const created = await formAs(world.platform, owner)(
        '/api/v1/documents',
        documentForm(
          { scope: 'personal', kind: 'personal', title: 'Договор купли-продажи' },
          { data: pdf, filename: 'договор.pdf' },
        ),
      );

      expect(created.statusCode).toBe(201);

      const id = created.json<{ id: string }>().id;
      const [row] = await world.platform.ctx.db.query<{ key: string }>(
        `SELECT f.storage_key AS key FROM document_versions v JOIN stored_files f ON f.id = v.file_id
         WHERE v.document_id = $1`,
        [id],
      );
      const inBucket = await buffer(await storage.openRead(row!.key));
      const download = await requestAs(world.platform, owner)(
        'GET',
        `/api/v1/documents/${id}/versions/1/file`,
      );

      expect(inBucket.equals(pdf)).toBe(true);
      expect(download.rawPayload.equals(pdf)).toBe(true);
    });
  });
});
