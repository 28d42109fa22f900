import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appErrorOf } from '../../../../test/support/errors.js';
import { StorageKeyError, StorageObjectNotFoundError } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, relative, the temp directory included. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe(LocalFileStorage.name, () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-storage-'));
    storage = new LocalFileStorage(root);
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('should store a buffer and report its size and sha256', async () => {
    const data = Buffer.from('Квитанция за ноябрь');
    const stored = await storage.put('2026/11/receipt', data);

    expect(stored).toEqual({
      key: '2026/11/receipt',
      sizeBytes: data.length,
      sha256: sha256(data),
    });
    expect(fs.readFileSync(path.join(root, '2026', '11', 'receipt'))).toEqual(data);
    expect(await storage.stat('2026/11/receipt')).toMatchObject({ sizeBytes: data.length });
    expect(await storage.exists('2026/11/receipt')).toBe(true);
  });

  it('should stream a multi-chunk body in and out unchanged', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => `строка ${i};`.repeat(500));
    const stored = await storage.put('big', Readable.from(chunks));
    const back = await text(await storage.openRead('big'));

    expect(back).toBe(chunks.join(''));
    expect(stored.sha256).toBe(sha256(chunks.join('')));
    expect(stored.sizeBytes).toBe(Buffer.byteLength(chunks.join('')));
  });

  it('should refuse a body over maxBytes and leave nothing behind', async () => {
    const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    const failure = await appErrorOf(storage.put('too/big', body, { maxBytes: 1000 }));

    expect(failure.code).toBe('payload_too_large');
    expect(await storage.exists('too/big')).toBe(false);
    expect(listFiles(root)).toEqual([]);
  });

  it('should accept a body of exactly maxBytes', async () => {
    const stored = await storage.put('exact', Buffer.alloc(1000, 7), { maxBytes: 1000 });

    expect(stored.sizeBytes).toBe(1000);
  });

  it('should keep the previous object when a replacement fails midway', async () => {
    await storage.put('doc', Buffer.from('version one'));

    const broken = new Readable({
      read() {
        this.push(Buffer.from('half of version two'));
        this.destroy(new Error('connection reset'));
      },
    });

    await expect(storage.put('doc', broken)).rejects.toThrow('connection reset');
    expect(await text(await storage.openRead('doc'))).toBe('version one');
    expect(listFiles(root)).toEqual(['doc']);
  });

  it('should delete idempotently and report absent objects plainly', async () => {
    await storage.put('gone', Buffer.from('x'));
    await storage.delete('gone');
    await storage.delete('gone');

    expect(await storage.exists('gone')).toBe(false);
    expect(await storage.stat('gone')).toBeNull();
    await expect(storage.openRead('gone')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('should not treat a key prefix (a directory) as an object', async () => {
    await storage.put('2026/12/a', Buffer.from('x'));

    expect(await storage.exists('2026/12')).toBe(false);
    await expect(storage.openRead('2026/12')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it.each([
    '',
    '../escape',
    'a/../../escape',
    '/etc/passwd',
    'a//b',
    'a/',
    '.tmp/x',
    '.hidden',
    'a/./b',
    'a\\..\\b',
    'имя',
    'a b',
    'x'.repeat(600),
  ])('should refuse the unsafe key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.openRead(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
    expect(fs.existsSync(path.join(root, '..', 'escape'))).toBe(false);
  });

  it('should sweep half-written uploads older than a day', async () => {
    const tempDir = path.join(root, '.tmp');
    const stale = path.join(tempDir, 'stale.part');
    const fresh = path.join(tempDir, 'fresh.part');

    fs.mkdirSync(tempDir, { recursive: true });
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    fs.utimesSync(
      stale,
      new Date(Date.now() - 2 * 86_400_000),
      new Date(Date.now() - 2 * 86_400_000),
    );

    await storage.put('next', Buffer.from('y'));

    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
