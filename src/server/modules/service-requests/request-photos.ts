import path from 'node:path';

import { fileTypeFromBuffer } from 'file-type';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { tooLarge } from '../../platform/files/byte-meter.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import { sanitizeImage } from '../../platform/files/image-sanitize.js';
import { authorize } from '../access/authorize.js';
import { viewerOf, type Acting } from './request-access.js';
import { findRequest } from './service-requests.repo.js';

// What a phone sends: JPEG, PNG and the iPhone's HEIC. The content decides, never the name.
const PHOTO_MIMES = new Set(['image/jpeg', 'image/png', 'image/heic', 'image/heif']);

/**
 * A request photo (case C22): the type is read from the content, so a HEIC called photo.jpg is
 * converted to JPEG and a program called photo.jpg is refused; the size limit answers with a
 * readable message; the EXIF orientation is applied and every metadata block (GPS, device) is
 * removed before anything is stored, so no copy with the location ever exists on the platform.
 */
export async function uploadPhoto(
  ctx: AppContext,
  acting: Acting,
  file: { bytes: Buffer; fileName: string },
) {
  await authorize(ctx, acting.user, 'service_request.file');

  const maxBytes = ctx.config.serviceRequests.photoMaxBytes;

  if (file.bytes.length > maxBytes) {
    throw tooLarge(maxBytes);
  }

  if (file.bytes.length === 0) {
    throw new AppError('empty_file');
  }

  const sniffed = await fileTypeFromBuffer(file.bytes);

  if (!sniffed || !PHOTO_MIMES.has(sniffed.mime)) {
    throw new AppError('unsupported_media_type', {
      detail: {
        ru: sniffed
          ? `По содержимому это ${sniffed.ext.toUpperCase()}, а не фотография; подходят JPG, PNG и HEIC`
          : 'Содержимое файла не похоже на фотографию; подходят JPG, PNG и HEIC',
        en: sniffed
          ? `The content is ${sniffed.ext.toUpperCase()}, not a photo; JPG, PNG and HEIC are accepted`
          : 'The content does not look like a photo; JPG, PNG and HEIC are accepted',
      },
      extra: { detectedType: sniffed?.mime ?? null },
    });
  }

  const clean = await sanitizeImage(file.bytes);
  const extension = clean.mime === 'image/png' ? 'png' : 'jpg';
  const base = path.parse(file.fileName || 'photo').name || 'photo';
  const stored = await storeUpload(ctx, {
    body: clean.bytes,
    originalName: `${base}.${extension}`,
    allowed: ['jpeg', 'png'],
    // The sanitised copy may be a little larger than the original; the limit was checked above.
    maxBytes: Math.max(maxBytes, clean.bytes.length),
    uploadedBy: acting.user!.id,
  });

  await ctx.db.query(
    `INSERT INTO service_request_photos (file_id, added_by, width, height) VALUES ($1, $2, $3, $4)`,
    [stored.id, acting.user!.id, clean.width, clean.height],
  );

  return {
    id: stored.id,
    width: clean.width,
    height: clean.height,
    sizeBytes: stored.sizeBytes,
    mimeType: stored.mimeType,
    converted: clean.converted,
  };
}

/** A photo of a request, for whoever may see the request. */
export async function openPhoto(ctx: AppContext, acting: Acting, id: string, fileId: string) {
  await viewerOf(ctx, acting.user, await findRequest(ctx.db, id));

  const [photo] = await ctx.db.query(
    'SELECT 1 FROM service_request_photos WHERE request_id = $1 AND file_id = $2',
    [id, fileId],
  );

  if (!photo) {
    throw new AppError('not_found', { detail: { ru: 'Фото не найдено', en: 'No such photo' } });
  }

  const file = await getStoredFile(ctx, fileId);

  return { file, stream: await openStoredFile(ctx, file) };
}
