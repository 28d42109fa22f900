import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { AppError } from '../errors.js';

/**
 * A pass-through that counts and hashes what flows through it and fails the stream as soon as the
 * count passes `maxBytes`, so an oversized upload is refused without ever being held whole.
 */
export class ByteMeter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;

    if (this.bytes > this.maxBytes) {
      done(tooLarge(this.maxBytes));

      return;
    }

    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The SHA-256 of everything that passed, in hex; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

export function tooLarge(maxBytes: number): AppError {
  const size = formatMegabytes(maxBytes);

  return new AppError('payload_too_large', {
    detail: {
      ru: `Файл больше допустимых ${size.replace('.', ',')} МБ`,
      en: `The file is larger than the allowed ${size} MB`,
    },
    extra: { maxBytes },
  });
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);

  return Number.isInteger(megabytes) ? String(megabytes) : megabytes.toFixed(2);
}
