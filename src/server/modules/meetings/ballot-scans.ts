import type { Readable } from 'node:stream';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import { sanitizeImage } from '../../platform/files/image-sanitize.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];

  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk as Buffer));
  }

  return Buffer.concat(chunks);
}

/**
 * The scan of a paper ballot, from a file the administrator uploaded: a PDF is kept as it is; a
 * photo is re-encoded without its metadata (GPS, camera, time) and stored as a new file, so the
 * ballot's attachment carries only the picture. Another person's upload is `not_found`.
 */
export async function storeBallotScan(
  ctx: AppContext,
  user: SignedInUser,
  fileId: string,
): Promise<string> {
  const file = await getStoredFile(ctx, fileId);

  if (file.uploadedBy !== user.id) {
    throw new AppError('not_found', { detail: { ru: 'Файл не найден', en: 'No such file' } });
  }

  if (!file.mimeType.startsWith('image/')) {
    return file.id;
  }

  const clean = await sanitizeImage(await bytesOf(await openStoredFile(ctx, file)));
  const stored = await storeUpload(ctx, {
    body: clean.bytes,
    originalName: file.originalName,
    uploadedBy: user.id,
  });

  return stored.id;
}
