import fs from 'node:fs';

import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { AppError } from '../errors.js';
import { sanitizeImage } from './image-sanitize.js';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../../test/fixtures/files/${name}`, import.meta.url));

/** Mean red and blue of a pixel row, to see which way the two-colour fixture ended up. */
async function topRowColour(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  let blue = 0;

  for (let x = 0; x < info.width; x++) {
    red += data[x * info.channels]!;
    blue += data[x * info.channels + 2]!;
  }

  return { red: red / info.width, blue: blue / info.width };
}

describe('sanitizeImage (case C22)', () => {
  it('applies the EXIF rotation and drops every metadata block, GPS and device model included', async () => {
    const original = fixture('photo-exif-gps.jpg');
    const before = await exifr.parse(original, { gps: true });

    expect(before.latitude).toBeCloseTo(56.8368, 3);
    expect(before.Model).toBe('iPhone 13');

    const clean = await sanitizeImage(original);

    // 64×48 stored with Orientation=6 is shown 48×64: portrait, as the camera was held.
    expect([clean.width, clean.height]).toEqual([48, 64]);
    expect(clean.mime).toBe('image/jpeg');
    expect(clean.converted).toBe(false);
    expect(await exifr.parse(clean.bytes, { gps: true, xmp: true, iptc: true })).toBeUndefined();

    const meta = await sharp(clean.bytes).metadata();

    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    // Left half red, right half blue; turned 90° clockwise the red half is on top.
    const top = await topRowColour(clean.bytes);

    expect(top.red).toBeGreaterThan(150);
    expect(top.blue).toBeLessThan(60);
  });

  it('converts an iPhone HEIC photo to JPEG, whatever the file was named', async () => {
    const clean = await sanitizeImage(fixture('photo.heic'));

    expect(clean.mime).toBe('image/jpeg');
    expect(clean.converted).toBe(true);
    expect([clean.width, clean.height]).toEqual([64, 48]);
    expect((await sharp(clean.bytes).metadata()).format).toBe('jpeg');
  });

  it('keeps PNG as PNG, without its text chunks', async () => {
    const png = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#0a0' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'Иван Петров' } } })
      .toBuffer();
    const clean = await sanitizeImage(png);

    expect(clean.mime).toBe('image/png');
    expect((await sharp(clean.bytes).metadata()).exif).toBeUndefined();
  });

  it.each([
    ['a truncated JPEG', () => fixture('photo-exif-gps.jpg').subarray(0, 300)],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
    ['random bytes', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    [
      'a damaged HEIC',
      () => Buffer.concat([fixture('photo.heic').subarray(0, 120), Buffer.alloc(64)]),
    ],
  ])('refuses %s with image_unreadable instead of keeping it as it came', async (_, bytes) => {
    const error = await sanitizeImage(bytes()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('image_unreadable');
  });
});
