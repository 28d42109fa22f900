import { createRequire } from 'node:module';

import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

import { AppError } from '../errors.js';

const require = createRequire(import.meta.url);

type HeicDecode = (input: { buffer: Uint8Array }) => Promise<{
  width: number;
  height: number;
  data: Uint8ClampedArray;
}>;

export type SanitizedImage = {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  /** True when the format changed on the way (HEIC becomes JPEG). */
  converted: boolean;
};

/** Formats a photo may arrive in. HEIC/HEIF is what iPhones send by default. */
const HEIF_MIMES = new Set([
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
]);
const KEPT_MIMES = new Set(['image/jpeg', 'image/png', 'image/webp']);

// A phone photo is 12–50 megapixels; anything far beyond is a decompression bomb, not a photo.
const MAX_PIXELS = 100_000_000;

/**
 * Makes a person's photo safe to show to others (case C22): the EXIF orientation is applied to the
 * pixels, then every metadata block — EXIF with GPS and device model, XMP, IPTC, comments — is
 * left behind, because sharp writes none unless asked. HEIC is decoded (libheif in WebAssembly)
 * and re-encoded as JPEG, so it is never served under a type it is not. A file that cannot be
 * decoded is refused rather than kept as it came, which would re-expose its metadata.
 */
export async function sanitizeImage(bytes: Buffer): Promise<SanitizedImage> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const mime = sniffed?.mime ?? '';

  if (HEIF_MIMES.has(mime)) {
    return fromHeic(bytes);
  }

  if (!KEPT_MIMES.has(mime)) {
    throw unreadable(sniffed ? sniffed.mime : null);
  }

  try {
    const pipeline = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const encoded =
      mime === 'image/png'
        ? pipeline.png()
        : mime === 'image/webp'
          ? pipeline.webp({ quality: 90 })
          : pipeline.jpeg({ quality: 90, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });

    return {
      bytes: data,
      mime: mime as SanitizedImage['mime'],
      width: info.width,
      height: info.height,
      converted: false,
    };
  } catch (error) {
    throw unreadable(mime, error);
  }
}

async function fromHeic(bytes: Buffer): Promise<SanitizedImage> {
  const decode = require('heic-decode') as HeicDecode;
  let image: Awaited<ReturnType<HeicDecode>>;

  try {
    image = await decode({ buffer: new Uint8Array(bytes) });
  } catch (error) {
    throw unreadable('image/heic', error);
  }

  if (image.width * image.height > MAX_PIXELS) {
    throw unreadable('image/heic');
  }

  // libheif applies the container's rotation itself, so the pixels are already upright.
  const { data, info } = await sharp(Buffer.from(image.data.buffer), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });

  return {
    bytes: data,
    mime: 'image/jpeg',
    width: info.width,
    height: info.height,
    converted: true,
  };
}

function unreadable(detected: string | null, cause?: unknown): AppError {
  return new AppError('image_unreadable', {
    cause,
    detail: {
      ru: 'Не удалось прочитать изображение: файл повреждён или это не фотография (JPG, PNG, HEIC)',
      en: 'The image could not be read: the file is damaged or is not a photo (JPG, PNG, HEIC)',
    },
    extra: { detectedType: detected },
  });
}
