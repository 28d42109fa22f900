import { createHash } from 'node:crypto';

import iconv from 'iconv-lite';

/**
 * Decoding a bank's payment registry (cases C15, C16): UTF-8 with or without BOM, windows-1251 or
 * KOI8-R, lines ended by CRLF (or LF). The encoding is told apart by the bytes, not by a guess
 * from the file name: valid UTF-8 is UTF-8; otherwise Russian text is mostly lower-case letters,
 * which sit at 0xE0–0xFF in windows-1251 and at 0xC0–0xDF in KOI8-R.
 */

export type RegistryEncoding = 'utf8' | 'cp1251' | 'koi8r';

export type DecodedRegistry =
  | { ok: true; text: string; encoding: RegistryEncoding; crlf: boolean }
  | { ok: false; code: 'binary' | 'empty'; message: string };

export function decodeRegistry(bytes: Buffer): DecodedRegistry {
  let body = bytes;

  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    body = body.subarray(3);
  }

  if (body.includes(0)) {
    return { ok: false, code: 'binary', message: 'файл содержит нулевые байты — это не текст' };
  }

  if (body.toString('latin1').trim() === '') {
    return { ok: false, code: 'empty', message: 'файл пуст' };
  }

  const crlf = body.includes('\r\n');

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);

    return { ok: true, text, encoding: 'utf8', crlf };
  } catch {
    // Not UTF-8: one of the two single-byte Cyrillic encodings.
  }

  let upperHalf = 0;
  let lowerHalf = 0;

  for (const byte of body) {
    if (byte >= 0xe0) {
      upperHalf += 1;
    } else if (byte >= 0xc0) {
      lowerHalf += 1;
    }
  }

  const encoding: RegistryEncoding = upperHalf >= lowerHalf ? 'cp1251' : 'koi8r';
  const text = iconv.decode(body, encoding === 'cp1251' ? 'win1251' : 'koi8-r');

  return { ok: true, text, encoding, crlf };
}

/** The file's identity: the SHA-256 of its bytes. */
export function fileHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The identity of each payment line: its content and its occurrence number among lines with the
 * same content. A re-sent or overlapping file repeats identities (and adds nothing); two identical
 * separate payments in one file get occurrences 1 and 2 and are both kept.
 */
export function lineIdentities(contents: (string | null)[]): (string | null)[] {
  const seen = new Map<string, number>();

  return contents.map((content) => {
    if (content === null) {
      return null;
    }

    const occurrence = (seen.get(content) ?? 0) + 1;

    seen.set(content, occurrence);

    return `${createHash('sha256').update(content).digest('hex').slice(0, 40)}#${occurrence}`;
  });
}
