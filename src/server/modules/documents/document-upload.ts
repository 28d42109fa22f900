import type { Readable } from 'node:stream';

import { fileTypeFromBuffer } from 'file-type';

import {
  isEncryptedPdf,
  parseUploadPolicy,
  uploadRuleFor,
  type DocumentKind,
  type UploadRule,
} from '../../../domain/documents/document-kinds.js';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { tooLarge } from '../../platform/files/byte-meter.js';
import { judgeUpload } from '../../platform/files/file-kinds.js';
import { sanitiseOriginalName } from '../../platform/files/file-names.js';
import { storeUpload, type FilesContext } from '../../platform/files/files.service.js';
import type { StoredFile } from '../../platform/files/files.repo.js';
import { sanitizeImage } from '../../platform/files/image-sanitize.js';

export type IncomingFile = {
  stream: Readable | Uint8Array;
  filename: string | undefined;
  mimetype: string | undefined;
};

const policies = new WeakMap<object, Partial<Record<DocumentKind, UploadRule>>>();

/** The upload rule of a document kind after DOCUMENT_UPLOAD_POLICY; validated once per config. */
export function ruleOf(config: Pick<Config, 'documents'>, kind: DocumentKind): UploadRule {
  let rules = policies.get(config.documents);

  if (!rules) {
    const parsed = parseUploadPolicy(config.documents.uploadPolicy);

    if (!parsed.ok) {
      throw new ConfigError(parsed.problems.map((p) => `DOCUMENT_UPLOAD_POLICY: ${p}`));
    }

    rules = parsed.rules;
    policies.set(config.documents, rules);
  }

  return uploadRuleFor(kind, rules);
}

/** Reads a stream into memory, refusing it as soon as it passes `maxBytes`. */
export async function readLimited(source: Readable | Uint8Array, maxBytes: number) {
  if (source instanceof Uint8Array) {
    if (source.length > maxBytes) {
      throw tooLarge(maxBytes);
    }

    return Buffer.from(source);
  }

  const chunks: Buffer[] = [];
  let length = 0;

  for await (const chunk of source) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);

    length += bytes.length;

    if (length > maxBytes) {
      source.destroy();
      throw tooLarge(maxBytes);
    }

    chunks.push(bytes);
  }

  return Buffer.concat(chunks);
}

/**
 * Checks a document file by its kind's rule and stores it: size, type by content (a file whose
 * name or declared type says otherwise is refused with the reason), no encrypted PDF, images
 * rotated by EXIF and stripped of every metadata block (case C22). Nothing is stored on refusal.
 */
export async function storeDocumentFile(
  ctx: FilesContext & { config: Pick<Config, 'documents'> },
  file: IncomingFile,
  kind: DocumentKind,
  uploadedBy: string,
  tx?: Queryable,
): Promise<StoredFile> {
  const rule = ruleOf(ctx.config, kind);
  let bytes: Buffer = await readLimited(file.stream, rule.maxBytes);
  const name = sanitiseOriginalName(file.filename);

  if (bytes.length === 0) {
    throw new AppError('empty_file');
  }

  const type = judgeUpload(
    await fileTypeFromBuffer(bytes),
    { name, declaredMime: file.mimetype },
    rule.types,
  );

  if (type === 'pdf' && isEncryptedPdf(bytes)) {
    throw new AppError('pdf_encrypted');
  }

  if (type !== 'pdf') {
    bytes = (await sanitizeImage(bytes)).bytes;
  }

  return storeUpload(
    ctx,
    { body: bytes, originalName: name, allowed: rule.types, maxBytes: rule.maxBytes, uploadedBy },
    tx,
  );
}
