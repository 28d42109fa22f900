import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import contentDisposition from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFilesHarness } from '../support/files-harness.js';
import {
  multipartBody,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  samplePdf,
  samplePdfOfSize,
  samplePng,
} from '../support/sample-files.js';
import { TEST_ROLE_HEADER, TEST_USER_HEADER } from '../support/test-sign-in.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('files API', () => {
  let harness: Awaited<ReturnType<typeof createFilesHarness>>;
  const stranger = randomUUID();

  beforeAll(async () => {
    harness = await createFilesHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  const upload: typeof harness.upload = (...args) => harness.upload(...args);
  const download: typeof harness.download = (...args) => harness.download(...args);
  const stored = () => harness.stored();

  it.each([
    ['Акт осмотра.pdf', 'application/pdf', samplePdf('Act of inspection')],
    ['scan.jpg', 'image/jpeg', sampleJpeg()],
    ['СКАН.JPEG', 'image/jpeg', sampleJpeg()],
    ['plan.png', 'image/png', samplePng(7, 5)],
  ])('should store %s as %s and stream the same bytes back', async (name, mime, data) => {
    const response = await upload({ filename: name, contentType: mime, data });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      originalName: name,
      mimeType: mime,
      sizeBytes: data.length,
      sha256: sha256(data),
    });

    const back = await download(response.json().id);

    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe(mime);
    expect(back.headers['content-length']).toBe(String(data.length));
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(back.rawPayload.equals(data)).toBe(true);
  });

  it('should keep a Cyrillic name through upload and the download header', async () => {
    const name = 'Договор управления №5 (копия) «ТСЖ Ёлка».pdf';
    const response = await upload({ filename: name, data: samplePdf() });
    const back = await download(response.json().id);
    const header = String(back.headers['content-disposition']);

    expect(response.json().originalName).toBe(name);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(contentDisposition.parse(header).parameters.filename).toBe(name);

    const inline = await download(response.json().id);
    const asInline = await harness.app.inject({
      method: 'GET',
      url: `/api/v1/files/${response.json().id}?disposition=inline`,
      headers: { [TEST_USER_HEADER]: harness.owner },
    });

    expect(inline.headers['content-disposition']).toMatch(/^attachment;/);
    expect(asInline.headers['content-disposition']).toMatch(/^inline;/);
  });

  it.each([
    ['an executable named .pdf', 'invoice.pdf', sampleExe(), 'EXE (application/x-msdownload)'],
    ['HTML named .pdf', 'report.pdf', sampleHtml(), 'not recognised as PDF, JPEG, PNG'],
  ])('should refuse %s as unsupported, storing nothing', async (_case, name, data, reason) => {
    const before = await stored();
    const response = await upload({ filename: name, contentType: 'application/pdf', data });

    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('unsupported_media_type');
    expect(response.json().detail).toContain(
      reason.replace('not recognised as', 'не распознано как'),
    );
    expect(await stored()).toEqual(before);
  });

  it('should explain the refusal in English when asked', async () => {
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'invoice.pdf', data: sampleExe() },
    ]);
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload,
      headers: { ...headers, [TEST_USER_HEADER]: harness.owner, 'accept-language': 'en' },
    });

    expect(response.json().detail).toBe(
      'The content is EXE (application/x-msdownload); only PDF, JPEG, PNG are accepted',
    );
  });

  it('should refuse a PNG named .pdf as a mismatch, storing nothing', async () => {
    const before = await stored();
    const response = await upload({ filename: 'contract.pdf', data: samplePng() });

    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'file_type_mismatch',
      detail: 'Файл назван «.pdf», но по содержимому это PNG',
      detectedType: 'image/png',
    });
    expect(await stored()).toEqual(before);
  });

  it('should refuse a PNG declared as application/pdf', async () => {
    const response = await upload({
      filename: 'scan.png',
      contentType: 'application/pdf',
      data: samplePng(),
    });

    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('file_type_mismatch');
  });

  it('should refuse a file over the 5 MB default with 413, storing nothing', async () => {
    const before = await stored();
    const big = samplePdfOfSize(5 * 1024 * 1024 + 1);
    const response = await upload({ filename: 'big.pdf', data: big });

    expect(big.length).toBeGreaterThan(harness.ctx.config.uploads.maxBytes);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'payload_too_large',
      maxBytes: 5 * 1024 * 1024,
      detail: 'Файл больше допустимых 5 МБ',
    });
    expect(await stored()).toEqual(before);
  });

  it('should accept a file of exactly 5 MB', async () => {
    const edge = samplePdfOfSize(5 * 1024 * 1024);
    const response = await upload({ filename: 'edge.pdf', data: edge });

    expect(edge.length).toBe(5 * 1024 * 1024);
    expect(response.statusCode).toBe(201);
    expect(response.json().sizeBytes).toBe(edge.length);
  });

  it('should refuse an empty file', async () => {
    const before = await stored();
    const response = await upload({ filename: 'empty.pdf', data: Buffer.alloc(0) });

    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('empty_file');
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\boot.ini.pdf', 'boot.ini.pdf'],
    ['..', 'file.pdf'],
  ])(
    'should reduce the hostile name %j to %j and keep the bytes inside storage',
    async (name, expected) => {
      const response = await upload({ filename: name, data: samplePdf() });
      const row = await harness.ctx.db.query<{ storage_key: string }>(
        'SELECT storage_key FROM stored_files WHERE id = $1',
        [response.json().id],
      );

      expect(response.statusCode).toBe(201);
      expect(response.json().originalName).toBe(expected);
      expect(row[0]!.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(fs.existsSync(path.join(harness.dataDir, 'etc'))).toBe(false);
      expect(fs.existsSync(path.join(path.dirname(harness.dataDir), 'etc', 'passwd.pdf'))).toBe(
        false,
      );
    },
  );

  it('should require sign-in for upload and download', async () => {
    const before = await stored();
    const anonymousUpload = await upload({ filename: 'a.pdf', data: samplePdf() }, null);
    const mine = await upload({ filename: 'mine.pdf', data: samplePdf() });
    const anonymousDownload = await download(mine.json().id, null);

    expect(anonymousUpload.statusCode).toBe(401);
    expect(anonymousUpload.json().code).toBe('unauthenticated');
    expect(anonymousDownload.statusCode).toBe(401);
    expect((await stored()).rows).toBe(before.rows + 1);
  });

  it('should hide a file from other users but show it to a platform admin', async () => {
    const mine = await upload({ filename: 'private.pdf', data: samplePdf() });
    const theirs = await download(mine.json().id, stranger);
    const admin = await download(mine.json().id, stranger, {
      [TEST_ROLE_HEADER]: 'platform_admin',
    });

    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('not_found');
    expect(admin.statusCode).toBe(200);
  });

  it('should answer unknown and malformed ids plainly', async () => {
    const unknown = await download(randomUUID());
    const malformed = await download('not-a-uuid');

    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
  });

  it('should refuse a body that is not multipart, and multipart without a file', async () => {
    const json = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: { file: 'JVBERi0xLjQ=' },
      headers: { [TEST_USER_HEADER]: harness.owner },
    });
    const { payload, headers } = multipartBody([{ name: 'comment', data: 'no file here' }]);
    const noFile = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload,
      headers: { ...headers, [TEST_USER_HEADER]: harness.owner },
    });

    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('unsupported_media_type');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([
      { field: 'file', rule: 'required', message: 'a file part is required' },
    ]);
  });

  it('should describe both routes in the OpenAPI document', async () => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();

    expect(doc.paths['/api/v1/files'].post.responses).toHaveProperty('201');
    expect(doc.paths['/api/v1/files/{id}'].get.parameters[0]).toMatchObject({
      name: 'disposition',
    });
  });
});
