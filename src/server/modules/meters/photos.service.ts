import type { Readable } from 'node:stream';

import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sanitizeImage } from '../../platform/files/image-sanitize.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import { actor, type Acting } from '../house-register/acting.js';
import { authorizeOnMeter, requireMeter } from './meter-access.js';
import type { MeterRow } from './meters.repo.js';
import { findReadingById } from './readings.repo.js';

export const METER_PHOTO_MAX_BYTES = 15 * 1024 * 1024;

/** Rights first: nobody's upload is read before the meter is known to be theirs. */
export async function authorizePhoto(ctx: AppContext, acting: Acting, meterId: string) {
  const meter = await requireMeter(ctx.db, meterId);

  await authorizeOnMeter(ctx, acting, meter, 'submit');

  return meter;
}

/**
 * A photo of the dial, to attach to the next reading. Its metadata (GPS, device) is stripped
 * and HEIC becomes JPEG before anything is stored; a file that is not a photo is refused.
 */
export async function uploadMeterPhoto(
  ctx: AppContext,
  acting: Acting,
  meter: MeterRow,
  upload: { bytes: Buffer },
) {
  await authorizeOnMeter(ctx, acting, meter, 'submit');

  const clean = await sanitizeImage(upload.bytes);

  if (clean.mime === 'image/webp') {
    throw new AppError('meter_photo_invalid');
  }

  const file = await storeUpload(ctx, {
    body: clean.bytes,
    originalName: clean.mime === 'image/png' ? 'meter.png' : 'meter.jpg',
    declaredMime: clean.mime,
    allowed: ['jpeg', 'png'],
    maxBytes: METER_PHOTO_MAX_BYTES,
    uploadedBy: actor(acting).id,
  });

  return { fileId: file.id, mime: clean.mime, width: clean.width, height: clean.height };
}

/** The photo must be the submitter's own upload: nobody attaches a file they cannot read. */
export async function requireOwnPhoto(ctx: AppContext, acting: Acting, fileId: string) {
  const file = await getStoredFile(ctx, fileId).catch(() => null);

  if (!file || file.uploadedBy !== actor(acting).id || !file.mimeType.startsWith('image/')) {
    throw new AppError('not_found', { detail: { ru: 'Фото не найдено', en: 'No such photo' } });
  }
}

export async function readingPhoto(
  ctx: AppContext,
  acting: Acting,
  readingId: string,
): Promise<{ mime: string; stream: Readable }> {
  const reading = await findReadingById(ctx.db, readingId);

  if (!reading?.photoFileId) {
    throw new AppError('not_found', { detail: { ru: 'Фото не найдено', en: 'No such photo' } });
  }

  await authorizeOnMeter(ctx, acting, await requireMeter(ctx.db, reading.meterId), 'read');

  const file = await getStoredFile(ctx, reading.photoFileId);

  return { mime: file.mimeType, stream: await openStoredFile(ctx, file) };
}
