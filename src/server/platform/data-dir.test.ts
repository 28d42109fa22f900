import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../config.js';
import { DataDirError, openDatabase } from './db/database.js';
import { prepareDataDir } from './data-dir.js';

const made: string[] = [];

function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-data-'));

  made.push(dir);

  return loadConfig({ DATA_DIR: dir });
}

afterEach(() => {
  for (const dir of made.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('prepareDataDir', () => {
  it('should accept a fresh directory and release its lock', () => {
    const config = tempDataDir();
    const release = prepareDataDir(config);

    expect(fs.readFileSync(path.join(config.dataDir, 'mpdom.pid'), 'utf8')).toBe(
      String(process.pid),
    );
    release();
    expect(fs.existsSync(path.join(config.dataDir, 'mpdom.pid'))).toBe(false);
  });

  it('should refuse a database directory that is not a database, and leave it untouched', async () => {
    const config = tempDataDir();
    const dbDir = path.join(config.dataDir, 'db');

    fs.mkdirSync(dbDir);
    fs.writeFileSync(path.join(dbDir, 'notes.txt'), 'my precious notes');

    expect(() => prepareDataDir(config)).toThrow(DataDirError);
    await expect(openDatabase(config)).rejects.toThrow(/not an МП-дом database/);
    expect(fs.readdirSync(dbDir)).toEqual(['notes.txt']);
  });

  it('should refuse when the database is gone but uploads remain', () => {
    const config = tempDataDir();

    fs.mkdirSync(config.uploads.dir, { recursive: true });
    fs.writeFileSync(path.join(config.uploads.dir, 'scan.pdf'), '%PDF-1.4');

    expect(() => prepareDataDir(config)).toThrow(/database was moved or deleted/);
    expect(fs.existsSync(path.join(config.dataDir, 'db'))).toBe(false);
  });

  it('should refuse a directory locked by another running process', () => {
    const config = tempDataDir();

    fs.writeFileSync(path.join(config.dataDir, 'mpdom.pid'), String(process.ppid));

    expect(() => prepareDataDir(config)).toThrow(/in use by another МП-дом process/);
  });

  it('should take over a stale lock of a process that is gone', () => {
    const config = tempDataDir();

    fs.writeFileSync(path.join(config.dataDir, 'mpdom.pid'), '999999999');

    expect(() => prepareDataDir(config)).not.toThrow();
  });
});

describe('loadConfig', () => {
  it('should list every bad variable at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO: 'maybe' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL[\s\S]*DEMO/);
  });

  it('should default to the embedded database under ./data on port 3000', () => {
    const config = loadConfig({});

    expect(config.http.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dir: path.resolve('data/db') });
    expect(config.demo).toBe(true);
  });

  it('should refuse production without a cookie secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/COOKIE_SECRET/);
  });
});
