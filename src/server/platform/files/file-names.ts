import path from 'node:path';

const MAX_NAME_LENGTH = 255;

// Control characters, and the bidirectional overrides that make `cod.exe` look like `exe.doc`.
const UNSAFE_CHARACTERS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name a file is shown and downloaded under: the last path component of what the client sent
 * (a name is never a path), without control characters, at most 255 characters with the extension
 * kept. Returns an empty string when nothing usable remains.
 */
export function sanitiseOriginalName(raw: string | undefined): string {
  const lastComponent = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastComponent.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();

  if (cleaned === '' || /^\.+$/.test(cleaned)) {
    return '';
  }

  // Counted in code points, so a cut never splits a surrogate pair.
  const characters = Array.from(cleaned);

  if (characters.length <= MAX_NAME_LENGTH) {
    return cleaned;
  }

  const extension = Array.from(path.extname(cleaned)).slice(0, 16);

  return [...characters.slice(0, MAX_NAME_LENGTH - extension.length), ...extension].join('');
}

/**
 * The plain `filename=` beside RFC 5987's `filename*=` in Content-Disposition, for clients that
 * only read the former: printable ASCII only, each run of anything else as one underscore.
 */
export function asciiFallbackName(name: string): string {
  return name.replace(/[^\x20-\x7e]+/g, '_').replaceAll('"', "'");
}
