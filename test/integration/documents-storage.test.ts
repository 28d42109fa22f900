import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import fs from 'node:fs';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { documentForm, encryptedPdf, formAs } from '../support/documents.js';
import { sampleExe, samplePdf, samplePdfOfSize } from '../support/sample-files.js';

type Problem = { code: string; detail: string; errors?: { field: string }[] };
type Doc = {
  id: string;
  status: string;
  currentVersion: number;
  canWrite: boolean;
  versions: { number: number; sha256: string; mimeType: string; originalName: string }[];
};

const GPS_PHOTO = fs.readFileSync(new URL('../fixtures/files/photo-exif-gps.jpg', import.meta.url));

describe('document storage', () => {
  let world: AccessWorld;
  let owner: Session;
  let resident: Session;
  let admin: Session;
  let dispatcher: Session;
  let chair: Session;
  let houseId: string;
  let outsiderHouse: string;

  const count = async (table: string) =>
    (
      await world.platform.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
    )[0]!.n;

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    admin = await world.openSession('uk-admin@mpdom.test');
    dispatcher = await world.openSession('dispatcher@mpdom.test');
    chair = await world.openSession('tsj@mpdom.test');

    const db = world.platform.ctx.db;
    const [house] = await db.query<{ id: string }>(
      'SELECT house_id AS id FROM premises WHERE id = $1',
      [world.ownerFlat],
    );
    const [other] = await db.query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id = $1 AND id <> $2 LIMIT 1',
      [world.orgs.hoa, house!.id],
    );

    houseId = house!.id;
    outsiderHouse = other!.id;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should keep personal documents private to their owner', async () => {
    const answer = await formAs(world.platform, owner)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'personal',
          kind: 'personal',
          title: 'Выписка ЕГРН на квартиру',
          tags: 'ЕГРН, квартира',
        },
        { data: samplePdf('egrn'), filename: 'выписка.pdf', contentType: 'application/pdf' },
      ),
    );

    expect(answer.statusCode).toBe(201);

    const doc = answer.json<Doc & { tags: string[] }>();

    expect(doc.tags).toEqual(['егрн', 'квартира']);
    expect(doc.versions[0]!.mimeType).toBe('application/pdf');

    for (const stranger of [resident, admin]) {
      const seen = await requestAs(world.platform, stranger)('GET', `/api/v1/documents/${doc.id}`);

      expect(seen.statusCode).toBe(404);
    }

    const file = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/documents/${doc.id}/versions/1/file`,
    );

    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(samplePdf('egrn'))).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');

    const found = await requestAs(world.platform, owner)(
      'GET',
      '/api/v1/documents?q=ЕГРН&tag=егрн',
    );

    expect(found.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toContain(doc.id);
  });

  it('should show a house document to its owners and residents, not to other houses', async () => {
    const created = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        { scope: 'house', kind: 'technical', title: 'Технический паспорт дома', houseId },
        { data: samplePdf('passport'), filename: 'паспорт.pdf' },
      ),
    );

    expect(created.statusCode).toBe(201);

    const id = created.json<Doc>().id;

    for (const reader of [owner, resident, dispatcher]) {
      expect(
        (await requestAs(world.platform, reader)('GET', `/api/v1/documents/${id}`)).statusCode,
      ).toBe(200);
    }

    expect(
      (await requestAs(world.platform, chair)('GET', `/api/v1/documents/${id}`)).statusCode,
    ).toBe(404);

    // Only the managing organisation's office files house documents.
    const byDispatcher = await formAs(world.platform, dispatcher)(
      '/api/v1/documents',
      documentForm(
        { scope: 'house', kind: 'technical', title: 'Акт', houseId },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );
    const foreign = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        { scope: 'house', kind: 'technical', title: 'Чужой дом', houseId: outsiderHouse },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );

    expect(byDispatcher.statusCode).toBe(403);
    expect(foreign.statusCode).toBe(403);
  });

  it('should keep every version and never overwrite one', async () => {
    const created = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'organisation',
          kind: 'licence',
          title: 'Лицензия',
          organisationId: world.orgs.managing,
        },
        { data: samplePdf('v1'), filename: 'licence.pdf' },
      ),
    );
    const id = created.json<Doc>().id;
    const second = await formAs(world.platform, admin)(`/api/v1/documents/${id}/versions`, [
      { name: 'note', data: 'продлена' },
      { name: 'file', data: samplePdf('v2'), filename: 'licence-2.pdf' },
    ]);

    expect(second.statusCode).toBe(201);
    expect(second.json<Doc>().versions.map((v) => v.number)).toEqual([2, 1]);

    const first = await requestAs(world.platform, admin)(
      'GET',
      `/api/v1/documents/${id}/versions/1/file`,
    );

    expect(first.rawPayload.equals(samplePdf('v1'))).toBe(true);

    // The database itself refuses to rewrite history.
    await expect(
      world.platform.ctx.db.query('UPDATE document_versions SET note = $1 WHERE document_id = $2', [
        'x',
        id,
      ]),
    ).rejects.toThrow(/append-only/);
    expect(
      (await requestAs(world.platform, owner)('GET', `/api/v1/documents/${id}`)).statusCode,
    ).toBe(404);
  });

  it('should refuse a mislabelled, encrypted, empty, oversized or foreign file and store nothing', async () => {
    const before = await count('documents');
    const files = await count('stored_files');
    const send = (file: { data: Buffer; filename: string; contentType?: string }) =>
      formAs(world.platform, owner)(
        '/api/v1/documents',
        documentForm({ scope: 'personal', kind: 'personal', title: 'Скан' }, file),
      );

    const mislabelled = await send({ data: samplePdf(), filename: 'photo.jpg' });
    const encrypted = await send({ data: encryptedPdf(samplePdf()), filename: 'secret.pdf' });
    const empty = await send({ data: Buffer.alloc(0), filename: 'empty.pdf' });
    const huge = await send({ data: samplePdfOfSize(5 * 1024 * 1024 + 1), filename: 'big.pdf' });
    const exe = await send({ data: sampleExe(), filename: 'setup.pdf' });

    expect(mislabelled.statusCode).toBe(415);
    expect(mislabelled.json<Problem>().code).toBe('file_type_mismatch');
    expect(mislabelled.json<Problem>().detail).toContain('PDF');
    expect(encrypted.json<Problem>().code).toBe('pdf_encrypted');
    expect(empty.json<Problem>().code).toBe('empty_file');
    expect(huge.statusCode).toBe(413);
    expect(huge.json<Problem>().detail).toContain('5 МБ');
    expect(exe.json<Problem>().code).toBe('unsupported_media_type');
    expect(await count('documents')).toBe(before);
    expect(await count('stored_files')).toBe(files);
  });

  it('should answer malformed cards and hostile input plainly', async () => {
    const form = formAs(world.platform, owner);
    const noFile = await form('/api/v1/documents', [{ name: 'scope', data: 'personal' }]);
    const badKind = await form(
      '/api/v1/documents',
      documentForm(
        { scope: 'personal', kind: 'bomb', title: 'x' },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );
    const noTitle = await form(
      '/api/v1/documents',
      documentForm(
        { scope: 'personal', kind: 'other', title: '   ' },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );
    const json = await requestAs(world.platform, owner)('POST', '/api/v1/documents', {
      title: 'x',
    });
    const anonymous = await formAs(world.platform, null)(
      '/api/v1/documents',
      documentForm(
        { scope: 'personal', kind: 'other', title: 'x' },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );
    const traversal = await requestAs(world.platform, owner)(
      'GET',
      '/api/v1/documents/..%2F..%2Fetc/versions/1/file',
    );
    const injection = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/documents?q=${encodeURIComponent("%' OR 1=1 --")}`,
    );

    expect(noFile.statusCode).toBe(400);
    expect(badKind.json<Problem>().errors?.[0]?.field).toBe('body.kind');
    expect(noTitle.statusCode).toBe(400);
    expect(json.statusCode).toBe(415);
    expect(anonymous.statusCode).toBe(401);
    expect(traversal.statusCode).toBe(400);
    expect(injection.json<{ total: number }>().total).toBe(0);
  });

  it('should rotate a photo by EXIF and strip its GPS before storing it (C22)', async () => {
    const answer = await formAs(world.platform, owner)(
      '/api/v1/documents',
      documentForm(
        { scope: 'personal', kind: 'personal', title: 'Фото счётчика' },
        { data: GPS_PHOTO, filename: 'photo.jpg', contentType: 'image/jpeg' },
      ),
    );

    expect(answer.statusCode).toBe(201);

    const doc = answer.json<Doc>();
    const file = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/documents/${doc.id}/versions/1/file`,
    );
    const before = await sharp(GPS_PHOTO).metadata();
    const after = await sharp(file.rawPayload).metadata();

    expect(before.exif).toBeDefined();
    expect(after.exif).toBeUndefined();
    expect(after.orientation ?? 1).toBe(1);
  });

  it('should file into folders of the right scope only', async () => {
    const folder = await requestAs(world.platform, owner)('POST', '/api/v1/document-folders', {
      scope: 'personal',
      name: 'Квартира',
    });

    expect(folder.statusCode).toBe(201);

    const id = folder.json<{ id: string }>().id;
    const misfiled = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'organisation',
          kind: 'other',
          title: 'x',
          organisationId: world.orgs.managing,
          folderId: id,
        },
        { data: samplePdf(), filename: 'a.pdf' },
      ),
    );
    const listed = await requestAs(world.platform, owner)('GET', '/api/v1/document-folders');

    expect(misfiled.statusCode).toBe(400);
    expect(listed.json<{ id: string }[]>().map((f) => f.id)).toContain(id);
    expect(
      (await requestAs(world.platform, admin)('GET', '/api/v1/document-folders'))
        .json<{ id: string }[]>()
        .map((f) => f.id),
    ).not.toContain(id);
  });
});

describe('upload rules per kind of document', () => {
  let world: AccessWorld;

  beforeAll(async () => {
    world = await createAccessWorld({ DOCUMENT_UPLOAD_POLICY: 'technical=pdf:0.01' });
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should apply DOCUMENT_UPLOAD_POLICY to its kind only', async () => {
    const owner = await world.openSession('owner@mpdom.test');
    const send = (kind: string, file: { data: Buffer; filename: string }) =>
      formAs(world.platform, owner)(
        '/api/v1/documents',
        documentForm({ scope: 'personal', kind, title: 'Паспорт дома' }, file),
      );
    const photo = await send('technical', { data: GPS_PHOTO, filename: 'photo.jpg' });
    const big = await send('technical', { data: samplePdfOfSize(20_000), filename: 'big.pdf' });
    const small = await send('technical', { data: samplePdf(), filename: 'small.pdf' });
    const elsewhere = await send('personal', {
      data: samplePdfOfSize(20_000),
      filename: 'big.pdf',
    });

    expect(photo.json<Problem>().code).toBe('unsupported_media_type');
    expect(big.json<Problem>().code).toBe('payload_too_large');
    expect(small.statusCode).toBe(201);
    expect(elsewhere.statusCode).toBe(201);
  });

  it('should refuse to start with a mistyped policy', async () => {
    await expect(createAccessWorld({ DOCUMENT_UPLOAD_POLICY: 'techincal=pdf' })).rejects.toThrow(
      /DOCUMENT_UPLOAD_POLICY: unknown document kind "techincal"/,
    );
  });
});
