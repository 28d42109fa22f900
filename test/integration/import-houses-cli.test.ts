import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/houses/houses-fixture.csv');

type Outcome = { code: number; stdout: string; stderr: string };

describe('mpdom import houses', () => {
  let dir: string;

  // Always the embedded database in a scratch directory: the command must never touch the
  // database a developer has configured.
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
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should import a file with broken rows, print the report and exit 0', async () => {
    const result = await mpdom('import', 'houses', FIXTURE);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/rows read\s+12\n\s+created\s+6\n/);
    expect(result.stdout).toContain('line 4: HOUSE_ID is empty');
    expect(result.stdout).toContain('line 8: HOUSE_ID 101 already appeared on line 2');
  });

  it('should print the whole report as JSON on request', async () => {
    const result = await mpdom('import', 'houses', FIXTURE, '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rowsRead: 12, created: 0, unchanged: 6 });
  });

  it('should fail with a clear message for a missing file or a foreign CSV', async () => {
    const foreign = path.join(dir, 'foreign.csv');

    fs.writeFileSync(foreign, 'name,phone\nИванов,+79990000000\n');

    const missing = await mpdom('import', 'houses', path.join(dir, 'absent.csv.gz'));
    const wrong = await mpdom('import', 'houses', foreign);

    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain('file not found');
    expect(wrong.code).toBe(65);
    expect(wrong.stderr).toContain('the header lacks required columns: HOUSE_ID, ADDRESS');
  });
});
