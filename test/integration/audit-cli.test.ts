import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordAudit } from '../../src/server/platform/audit/audit.service.js';
import { openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Outcome = { code: number; stdout: string; stderr: string };

// Each step spawns the CLI on an embedded database; migrating a fresh one takes a while on 2 cores.
describe('mpdom audit verify', { timeout: 120_000 }, () => {
  let dir: string;

  // Always the embedded database in a scratch directory, never the one a developer configured.
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

  // The CLI and this test take turns: PGlite allows one process on a directory at a time.
  const withDatabase = async (work: (db: Database) => Promise<void>) => {
    const db = await openDatabase({ database: { kind: 'pglite', dir: path.join(dir, 'db') } });

    try {
      await work(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-audit-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should say there is nothing to verify when no database exists yet', async () => {
    const result = await mpdom('audit', 'verify');

    expect(result.code).toBe(66);
    expect(result.stderr).toContain('nothing to verify');
    expect(fs.existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('should pass an intact journal with exit 0', async () => {
    await withDatabase(async (db) => {
      await migrate(db);

      for (let n = 1; n <= 7; n += 1) {
        await recordAudit(db, {
          actorUserId: null,
          action: 'thing.changed',
          objectType: 'thing',
          objectId: String(n),
          after: { n },
        });
      }
    });

    const result = await mpdom('audit', 'verify');

    expect(result.stdout).toBe('ok, 7 entries\n');
    expect(result.code).toBe(0);
  });

  it('should fail with exit 1 naming the entry altered directly in SQL', async () => {
    await withDatabase(async (db) => {
      await db.exec(`
        ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete;
        UPDATE audit_entries SET action = 'thing.forged' WHERE seq = 4;
        ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete;
      `);
    });

    const result = await mpdom('audit', 'verify');
    const json = await mpdom('audit', 'verify', '--json');

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('broken at entry 4: the stored hash does not match');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, entries: 3, firstBrokenSeq: 4 });
  });

  it('should refuse to open the embedded database while a running server holds it', async () => {
    // This test's own process stands in for the server: it is alive, and not the CLI.
    fs.writeFileSync(path.join(dir, 'mpdom.pid'), String(process.pid));

    try {
      const result = await mpdom('audit', 'verify');

      expect(result.code).toBe(78);
      expect(result.stderr).toContain(`in use by another МП-дом process (pid ${process.pid})`);
    } finally {
      fs.rmSync(path.join(dir, 'mpdom.pid'));
    }
  });
});
