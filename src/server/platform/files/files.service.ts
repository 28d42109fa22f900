import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';

import { fileTypeFromBuffer } from 'file-type';

import type { Config } from '../../config.js';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import type { SignedInUser } from '../http/auth-types.js';
import { tooLarge } from './byte-meter.js';
import { DEFAULT_UPLOAD_KINDS, FILE_KINDS, judgeUpload, type FileKind } from './file-kinds.js';
import { sanitiseOriginalName } from './file-names.js';
import type { FileStorage } from './file-storage.js';
import { findStoredFile, insertStoredFile, type StoredFile } from './files.repo.js';
import { fileStorageFor } from './storage.js';

export type FilesContext = {
  db: Queryable;
  config: Pick<Config, 'uploads'> & Partial<Pick<Config, 'storage'>>;
};

export type UploadInput = {
  /** The bytes: a stream is read once and never buffered beyond the sniffing sample. */
  body: Readable | Uint8Array;
  originalName: string | undefined;
  /** The Content-Type the client declared for the file part, if any. */
  declaredMime?: string | undefined;
  /** Kinds accepted for this upload; PDF, JPEG and PNG by default. */
  allowed?: readonly FileKind[];
  /** Largest accepted size in bytes; `config.uploads.maxBytes` by default. */
  maxBytes?: number;
  uploadedBy?: string | null;
};

// Enough for file-type to recognise every kind in FILE_KINDS (it reads 4100 bytes from streams).
const SNIFF_BYTES = 4100;

/**
 * Stores an upload after checking it by content: the type is sniffed from the first bytes, the
 * size is enforced while streaming, and only a complete, accepted file gets a `stored_files` row.
 * Pass `tx` to record the row inside the caller's transaction; bytes of a rolled-back upload stay
 * on storage unreferenced, which is harmless.
 */
export async function storeUpload(
  ctx: FilesContext,
  input: UploadInput,
  tx: Queryable = ctx.db,
): Promise<StoredFile> {
  const maxBytes = input.maxBytes ?? ctx.config.uploads.maxBytes;
  const allowed = input.allowed ?? DEFAULT_UPLOAD_KINDS;

  if (input.body instanceof Uint8Array && input.body.length > maxBytes) {
    throw tooLarge(maxBytes);
  }

  const source = input.body instanceof Uint8Array ? Readable.from([input.body]) : input.body;
  const { head, rest, abandon } = await peek(source, SNIFF_BYTES);
  let kind: FileKind;
  let name: string;

  try {
    if (head.length === 0) {
      throw new AppError('empty_file');
    }

    name = sanitiseOriginalName(input.originalName);
    kind = judgeUpload(
      await fileTypeFromBuffer(head),
      { name, declaredMime: input.declaredMime },
      allowed,
    );
  } catch (error) {
    await abandon();
    throw error;
  }

  const spec = FILE_KINDS[kind];
  const storage = storageOf(ctx);
  const key = storageKey();
  const stored = await storage.put(key, rest, { maxBytes, contentType: spec.mime });

  try {
    return await insertStoredFile(tx, {
      storageKey: key,
      originalName: nameWithExtension(name, spec.extensions[0]),
      mimeType: spec.mime,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: input.uploadedBy ?? null,
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}

/** A stored file's record, or `not_found`. */
export async function getStoredFile(ctx: FilesContext, id: string): Promise<StoredFile> {
  const file = await findStoredFile(ctx.db, id);

  if (!file) {
    throw new AppError('not_found', { detail: { ru: 'Файл не найден', en: 'No such file' } });
  }

  return file;
}

/**
 * A file the user may read through the generic files API: their own upload, or any file for a
 * platform administrator. Modules that attach files to documents check their own rights and call
 * `getStoredFile`. Others get `not_found`, so file ids cannot be probed.
 */
export async function getReadableFile(
  ctx: FilesContext,
  user: SignedInUser,
  id: string,
): Promise<StoredFile> {
  const file = await getStoredFile(ctx, id);

  if (file.uploadedBy !== user.id && user.platformRole !== 'platform_admin') {
    throw new AppError('not_found', { detail: { ru: 'Файл не найден', en: 'No such file' } });
  }

  return file;
}

/** The bytes of a stored file as a stream. */
export function openStoredFile(ctx: FilesContext, file: StoredFile): Promise<Readable> {
  return storageOf(ctx).openRead(file.storageKey);
}

export function storageOf(ctx: FilesContext): FileStorage {
  return fileStorageFor(ctx.config);
}

/** A name without an extension gets the kind's, so the downloaded file opens; none gets `file`. */
function nameWithExtension(name: string, extension: string): string {
  if (!name) {
    return `file.${extension}`;
  }

  return path.extname(name) ? name : `${name}.${extension}`;
}

/** Keys group by month so no directory grows without bound; the id part is random. */
function storageKey(): string {
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');

  return `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/**
 * Reads the first `size` bytes of a stream for sniffing and hands back a stream that replays them
 * followed by the rest. `abandon` destroys the source when the upload is refused unread.
 */
async function peek(source: Readable, size: number) {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;

  while (length < size) {
    const next = await iterator.next();

    if (next.done) {
      ended = true;
      break;
    }

    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);

    chunks.push(chunk);
    length += chunk.length;
  }

  const head = Buffer.concat(chunks);

  async function* replay() {
    let finished = ended;

    try {
      yield head;

      while (!finished) {
        const next = await iterator.next();

        if (next.done) {
          finished = true;
        } else {
          yield next.value;
        }
      }
    } finally {
      // The consumer stopped early (size limit, disk error): release the source too.
      if (!finished) {
        await iterator.return?.();
      }
    }
  }

  return {
    head,
    rest: Readable.from(replay(), { objectMode: false }),
    abandon: async () => {
      if (!ended) {
        await iterator.return?.();
      }
    },
  };
}
