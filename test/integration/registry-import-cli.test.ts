import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REGISTRY_FIXTURES } from '../support/registry.js';
import { samplePng } from '../support/sample-files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SMALL = path.join(REGISTRY_FIXTURES, 'extract-small.csv');
const BROKEN = path.join(REGISTRY_FIXTURES, 'extract-broken.csv');

type Outcome = { code: number; stdout: string; stderr: string };

describe('mpdom import registry', () => {
  let dir: string;

  // The real command on the embedded database in a scratch directory, never a developer's own.
  const mpdom = async (...args: string[]): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [path.join(ROOT, 'bin/mpdom.mjs'), ...args],
        { cwd: ROOT, env: { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test' } },
      );

      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };

      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-registry-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should preview a dry run as JSON and store nothing', async () => {
    const result = await mpdom('import', 'registry', SMALL, '--dry-run', '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'preview',
      runId: null,
      rowsRead: 5,
      created: 4,
    });
  });

  it('should import the extract and report every count and every row', async () => {
    const result = await mpdom('import', 'registry', SMALL, '--rows');

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported extract-small\.csv \(CSV, utf-8, ";"\)/);
    expect(result.stdout).toMatch(/rows read\s+5\n\s+objects\s+4 \(5 rights\)\n\s+created\s+4\n/);
    expect(result.stdout).toMatch(/line 2 +66:41:0999001:101 +created\n/);
    expect(result.stdout).toMatch(/line 6 +66:41:0999002:7 +created\n/);
    // This database has no houses, so every address is reported as unmatched.
    expect(result.stdout).toContain('г. Екатеринбург, ул. Несуществующая, д. 99 — no such house');
  });

  it('should find nothing new when the same extract comes again', async () => {
    const result = await mpdom('import', 'registry', SMALL, '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('should list each broken row, store nothing and exit 65', async () => {
    const result = await mpdom('import', 'registry', BROKEN);

    expect(result.code).toBe(65);
    expect(result.stdout).toContain('refused extract-broken.csv');
    expect(result.stdout).toContain('broken rows (nothing was stored):');
    expect(result.stdout).toContain('line 3: cadastral number is malformed');
    expect(result.stdout).toContain('line 4: share is above one whole (e.g. 3/2)');
    expect(result.stdout).toContain('line 8: registration date is malformed');
    expect(result.stdout).toContain('line 9: row has a different number of fields than the header');

    const after = await mpdom('import', 'registry', SMALL, '--dry-run', '--json');

    // Still the four objects of the first import: line 2 of the broken file was not stored.
    expect(JSON.parse(after.stdout)).toMatchObject({ objectsRead: 4, unchanged: 4, created: 0 });
  });

  it('should speak Russian with --lang ru', async () => {
    const result = await mpdom('import', 'registry', BROKEN, '--lang', 'ru', '--dry-run');

    expect(result.code).toBe(65);
    expect(result.stdout).toContain('line 5: доля: равна нулю');
  });

  it('should fail with a clear message for a missing file or a picture named .csv', async () => {
    const picture = path.join(dir, 'picture.csv');

    fs.writeFileSync(picture, samplePng());

    const missing = await mpdom('import', 'registry', path.join(dir, 'absent.csv'));
    const wrong = await mpdom('import', 'registry', picture);

    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain('file not found');
    expect(wrong.code).toBe(65);
    expect(wrong.stderr).toContain(
      'the file is PNG (image/png), not a CSV or XML registry extract',
    );
  });
});
