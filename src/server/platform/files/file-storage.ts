import type { Readable } from 'node:stream';

/** What a backend accepts: a stream (uploads, never buffered whole) or bytes already in memory. */
export type StorageBody = Readable | Uint8Array;

export type PutOptions = {
  /** Refuse (and store nothing) once the body grows past this many bytes. */
  maxBytes?: number;
  /** Stored with the object where the backend keeps metadata (S3); the local disk ignores it. */
  contentType?: string;
};

/** What a backend reports after writing: measured while streaming, not trusted from the caller. */
export type StoredObject = { key: string; sizeBytes: number; sha256: string };

export type ObjectStat = { sizeBytes: number; modifiedAt: Date };

/**
 * Where file bytes live. Local disk is the embedded default; an S3-compatible store implements the
 * same contract later. Every method is asynchronous and streams, so neither backend ever needs a
 * whole file in memory. Keys are chosen by the platform (never by the uploader) and checked by
 * `assertSafeKey`.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Writes atomically: readers see either no object or the complete one, never a partial file. */
  put(key: string, body: StorageBody, options?: PutOptions): Promise<StoredObject>;
  /** Opens the object for reading; throws `StorageObjectNotFoundError` when it is absent. */
  openRead(key: string): Promise<Readable>;
  /** Size and modification time, or null when the object is absent. */
  stat(key: string): Promise<ObjectStat | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing an absent object is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {
  override name = 'StorageKeyError';
}

export class StorageObjectNotFoundError extends Error {
  override name = 'StorageObjectNotFoundError';

  constructor(readonly key: string) {
    super(`no stored object under key ${key}`);
  }
}

// A segment starts with a letter or digit, so `.`, `..` and hidden names are impossible; the same
// alphabet is safe as a file name on every disk and as an S3 key without escaping.
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/** Throws unless `key` is a relative path of safe segments separated by `/`. */
export function assertSafeKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new StorageKeyError(`storage key must be 1–${MAX_KEY_LENGTH} characters`);
  }

  for (const segment of key.split('/')) {
    if (!KEY_SEGMENT.test(segment)) {
      throw new StorageKeyError(`unsafe storage key segment ${JSON.stringify(segment)}`);
    }
  }
}
