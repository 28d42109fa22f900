import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ByteMeter } from './byte-meter.js';
import {
  assertSafeKey,
  StorageKeyError,
  StorageObjectNotFoundError,
  type FileStorage,
  type ObjectStat,
  type PutOptions,
  type StorageBody,
  type StoredObject,
} from './file-storage.js';

// Partial uploads live beside the objects (same file system, so rename is atomic) in a directory
// no valid key can name, because key segments never start with a dot.
const TEMP_DIR = '.tmp';
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** Objects as files under one root directory: the embedded default backend. */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  readonly root: string;
  private swept = false;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: StorageBody, options: PutOptions = {}): Promise<StoredObject> {
    const target = this.pathOf(key);
    const tempDir = path.join(this.root, TEMP_DIR);

    await fsp.mkdir(tempDir, { recursive: true });
    await this.sweepStaleTemp(tempDir);

    const temp = path.join(tempDir, `${randomUUID()}.part`);
    const meter = new ByteMeter(options.maxBytes);
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;

    try {
      // `flush` syncs the data to disk before close, so a crash right after the rename cannot
      // leave a complete-looking name over incomplete bytes.
      await pipeline(source, meter, fs.createWriteStream(temp, { flags: 'wx', flush: true }));
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }

    return { key, sizeBytes: meter.bytes, sha256: meter.digest() };
  }

  async openRead(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    let handle: fsp.FileHandle;

    try {
      handle = await fsp.open(file, 'r');
    } catch (error) {
      throw isMissing(error) ? new StorageObjectNotFoundError(key) : error;
    }

    // A key that is a prefix of other keys names a directory, which opens fine on Linux.
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new StorageObjectNotFoundError(key);
    }

    return handle.createReadStream();
  }

  async stat(key: string): Promise<ObjectStat | null> {
    try {
      const stats = await fsp.stat(this.pathOf(key));

      return stats.isFile() ? { sizeBytes: stats.size, modifiedAt: stats.mtime } : null;
    } catch (error) {
      if (isMissing(error)) {
        return null;
      }

      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /** The file behind a key; the containment check backs up `assertSafeKey`. */
  private pathOf(key: string): string {
    assertSafeKey(key);

    const file = path.resolve(this.root, ...key.split('/'));
    const relative = path.relative(this.root, file);

    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new StorageKeyError(`storage key ${JSON.stringify(key)} escapes the storage root`);
    }

    return file;
  }

  /** Removes uploads a crash left half-written; once per process, it costs one directory read. */
  private async sweepStaleTemp(tempDir: string) {
    if (this.swept) {
      return;
    }

    this.swept = true;

    const cutoff = Date.now() - STALE_TEMP_MS;

    for (const name of await fsp.readdir(tempDir)) {
      const file = path.join(tempDir, name);
      const stats = await fsp.stat(file).catch(() => null);

      if (stats && stats.mtimeMs < cutoff) {
        await fsp.rm(file, { force: true });
      }
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;

  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
