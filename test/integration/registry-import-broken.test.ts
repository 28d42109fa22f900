import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { RegistryImportReport } from '../../src/server/modules/registry/registry-import.report.js';
import { REGISTRY_FILE_MAX_BYTES } from '../../src/server/modules/registry/registry-import.source.js';
import { samplePng } from '../support/sample-files.js';
import { createRegistryWorld, registryFixture, type RegistryWorld } from '../support/registry.js';

const HEADER =
  'cadastral_number;address;kind;area;owner_kind;owner_name;share;registration_number;' +
  'registered_on';
const GOOD_ROW =
  '66:41:0999005:1;г. Екатеринбург, ул. Реестровая, д. 5, кв. 1;flat;40;person;Иванов Иван;1;' +
  '66:41:0999005:1-66/001/2016-1;2016-05-05';

/**
 * Extracts that must not be imported: broken rows are each named with their line, field and
 * reason, hostile or foreign files are refused whole, and in every case nothing is stored.
 */
describe('registry import of bad files', () => {
  let world: RegistryWorld;
  let runsBefore = 0;

  beforeAll(async () => {
    world = await createRegistryWorld();

    // One object already in the local copy: a refused file must not touch it either.
    const seeded = await world.upload(world.callers.admin, {
      data: Buffer.from(`${HEADER}\n${GOOD_ROW}\n`),
      name: 'seed.csv',
    });

    expect(seeded.statusCode).toBe(200);
  });

  beforeEach(async () => {
    runsBefore = (await world.counts()).runs;
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  const expectNothingStored = async () => {
    const counts = await world.counts();

    expect({ objects: counts.objects, rights: counts.rights }).toEqual({ objects: 1, rights: 1 });
  };

  it('should name every broken row precisely and store none of the file', async () => {
    const response = await world.upload(
      world.callers.admin,
      { data: registryFixture('extract-broken.csv'), name: 'extract-broken.csv' },
      '?lang=en',
    );
    const problem = response.json<{ report: RegistryImportReport }>();

    expect(response.statusCode).toBe(422);
    expect(problem).toMatchObject({
      code: 'import_file_invalid',
      detail: 'The extract was not imported: 6 rows have errors; nothing was stored',
    });
    expect(problem.report).toMatchObject({
      status: 'refused',
      rowsRead: 8,
      created: 0,
      errorsTotal: 8,
      rowsWithErrors: 6,
    });
    expect(problem.report.errors.map((e) => [e.line, e.field, e.code].join(' '))).toEqual([
      '3 cadastral_number format',
      '4 share above_one',
      '5 share zero',
      '7 share shares_above_one',
      '8 registered_on format',
      '9 kind required',
      '9 area required',
      '9 row column_count',
    ]);
    expect(problem.report.rows.map((r) => `${r.line} ${r.outcome}`)).toEqual([
      '2 valid',
      '3 refused',
      '4 refused',
      '5 refused',
      '6 valid',
      '7 refused',
      '8 refused',
      '9 refused',
    ]);
    expect(problem.report.rows[1]!.cadastralNumber).toBe('66:41:999:2');
    expect(problem.report.errors[1]!.message).toBe('share is above one whole (e.g. 3/2)');
    expect(problem.report.errors[3]!.message).toBe(
      'share makes the shares of the object add up to more than one',
    );
    await expectNothingStored();

    // The refusal itself is journaled, so an operator can find it later.
    const [run] = await world.db.query<{ skipped: number; created: number }>(
      `SELECT skipped, created FROM import_runs WHERE kind = 'registry'
       ORDER BY started_at DESC LIMIT 1`,
    );

    expect(run).toEqual({ skipped: 6, created: 0 });
  });

  it('should give the messages in Russian when asked, and never the owner’s name', async () => {
    const response = await world.upload(
      world.callers.admin,
      { data: registryFixture('extract-broken.csv'), name: 'extract-broken.csv' },
      '?lang=ru&dryRun=true',
    );
    const { report } = response.json();

    expect(response.statusCode).toBe(422);
    expect(report.errors[0].message).toBe('кадастровый номер: в неверном формате');
    expect(report.errors[2].message).toBe('доля: равна нулю');
    expect(report.errors[4].message).toBe('дата регистрации: в неверном формате');
    expect(JSON.stringify(report)).not.toContain('Соколова');
    // A dry run journals nothing.
    expect((await world.counts()).runs).toBe(runsBefore);
    await expectNothingStored();
  });

  it('should refuse a header that lacks required columns, naming them', async () => {
    const response = await world.upload(world.callers.admin, {
      data: Buffer.from('cadastral_number;address;area\n66:41:0999005:2;г. Екатеринбург;10\n'),
      name: 'short.csv',
    });

    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain(
      'kind, owner_kind, owner_name, share, registration_number, registered_on',
    );
    await expectNothingStored();
  });

  it.each([
    ['a PNG picture', samplePng(), 'picture.csv', 415, 'the file is PNG (image/png)'],
    ['binary bytes', Buffer.from([0x41, 0x00, 0x42, 0x0a]), 'binary.csv', 415, 'is binary'],
    [
      'XML content',
      registryFixture('extract-small.xml'),
      'x.csv',
      415,
      'named as CSV but holds XML',
    ],
    [
      'CSV content',
      registryFixture('extract-small.csv'),
      'x.xml',
      415,
      'named as XML but holds no',
    ],
    ['an empty file', Buffer.alloc(0), 'empty.csv', 400, 'The file is empty'],
    ['UTF-16 text', Buffer.from('\ufeffcadastral_number;a', 'utf16le'), 'u.csv', 422, 'UTF-16'],
    ['a broken quote', Buffer.from(`${HEADER}\n"66:41:0999005:3;x\n`), 'q.csv', 422, 'malformed'],
  ])(
    'should refuse %s named as an extract, storing nothing',
    async (_, data, name, status, why) => {
      const response = await world.upload(world.callers.admin, { data, name }, '?lang=en');

      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toContain(why);
      await expectNothingStored();
    },
  );

  it('should refuse XML with a document type declaration (entity expansion, XXE)', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
      '<registry-extract><object><address>&b;</address></object></registry-extract>';
    const response = await world.upload(world.callers.admin, {
      data: Buffer.from(xml),
      name: 'bomb.xml',
    });

    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('DOCTYPE');
    await expectNothingStored();
  });

  it('should refuse an extract above the size limit with 413', async () => {
    const big = Buffer.alloc(REGISTRY_FILE_MAX_BYTES + 1, 'a');
    const response = await world.upload(world.callers.admin, { data: big, name: 'big.csv' });

    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'payload_too_large',
      maxBytes: REGISTRY_FILE_MAX_BYTES,
    });
    await expectNothingStored();
  });

  it('should answer 415 for a request that is not multipart', async () => {
    const response = await world.platform.app.inject({
      method: 'POST',
      url: '/api/v1/registry/imports',
      payload: { file: GOOD_ROW },
      headers: { cookie: world.callers.admin!.cookie, 'x-csrf-token': world.callers.admin!.csrf },
    });

    expect(response.statusCode).toBe(415);
    await expectNothingStored();
  });

  it('should let only the platform’s operators import', async () => {
    const data = Buffer.from(`${HEADER}\n${GOOD_ROW.replace(':1;', ':9;')}\n`);
    const citizen = await world.upload(world.callers.citizen, { data, name: 'x.csv' });
    const anonymous = await world.upload(world.callers.anonymous, { data, name: 'x.csv' });

    expect(citizen.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
    await expectNothingStored();
  });
});
