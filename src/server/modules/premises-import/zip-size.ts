import { createInflateRaw } from 'node:zlib';

import { AppError } from '../../platform/errors.js';

/**
 * Refuses a ZIP container (an XLSX workbook is one) that would inflate beyond `maxBytes`. First
 * by the sizes its central directory declares, before anything is decompressed; then by
 * inflating each entry and counting the bytes, discarding them, because a crafted directory may
 * declare small sizes for entries that inflate to gigabytes. A damaged directory is refused too:
 * a workbook Excel wrote always has a readable one.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// The end record is 22 bytes plus a comment of at most 65,535.
const END_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

type Entry = { method: number; compressed: number; expanded: number; localOffset: number };

export async function checkZipSize(bytes: Buffer, maxBytes: number): Promise<void> {
  const entries = readDirectory(bytes);
  let declared = 0;

  for (const entry of entries) {
    // 0xFFFFFFFF defers to a ZIP64 record: four gigabytes or more, far past any limit here.
    declared += entry.expanded === 0xffffffff ? Number.POSITIVE_INFINITY : entry.expanded;

    if (declared > maxBytes) {
      throw tooBig(maxBytes);
    }
  }

  let inflated = 0;

  for (const entry of entries) {
    inflated += await expandedSize(bytes, entry, maxBytes - inflated);

    if (inflated > maxBytes) {
      throw tooBig(maxBytes);
    }
  }
}

function readDirectory(bytes: Buffer): Entry[] {
  const end = findEndOfDirectory(bytes);

  if (end < 0) {
    throw damaged();
  }

  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: Entry[] = [];

  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) {
      throw damaged();
    }

    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressed: bytes.readUInt32LE(offset + 20),
      expanded: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    });

    // The fixed part, then the name, the extra field and the comment.
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }

  return entries;
}

/** The bytes an entry really inflates to, counting no further than just past `budget`. */
async function expandedSize(bytes: Buffer, entry: Entry, budget: number): Promise<number> {
  const at = entry.localOffset;

  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) {
    throw damaged();
  }

  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressed);

  if (entry.method === STORED) {
    return data.length;
  }

  if (entry.method !== DEFLATED) {
    throw damaged();
  }

  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;

    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;

      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => reject(damaged()));
    inflate.end(data);
  });
}

function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - END_SEARCH);

  for (let at = bytes.length - 22; at >= stop && at >= 0; at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      return at;
    }
  }

  return -1;
}

function tooBig(maxBytes: number): AppError {
  const megabytes = Math.round(maxBytes / 1024 / 1024);

  return new AppError('payload_too_large', {
    detail: {
      ru: `Книга XLSX распаковывается больше чем в ${megabytes} МБ`,
      en: `The XLSX workbook expands to more than ${megabytes} MB`,
    },
  });
}

function damaged(): AppError {
  return new AppError('import_file_invalid', {
    detail: {
      ru: 'Книга XLSX повреждена: оглавление архива не читается',
      en: 'The XLSX workbook is damaged: its archive directory is unreadable',
    },
  });
}
