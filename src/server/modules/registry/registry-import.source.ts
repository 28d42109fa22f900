import path from 'node:path';

import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';

import { AppError } from '../../platform/errors.js';
import { tooLarge } from '../../platform/files/byte-meter.js';
import { readCsvRows } from './registry-import.csv.js';
import { fileProblem, type SourceRow } from './registry-import.rows.js';
import { readXmlRows } from './registry-import.xml.js';

/**
 * The largest extract accepted, in bytes. A registry file is read whole (the import is
 * all-or-nothing, so every row is checked before anything is stored); 50 MB is several hundred
 * thousand rights, far more than a city district's extract.
 */
export const REGISTRY_FILE_MAX_BYTES = 50 * 1024 * 1024;

export type SourceEncoding = 'utf-8' | 'windows-1251';

export type ExtractSource = {
  format: 'csv' | 'xml';
  encoding: SourceEncoding;
  delimiter: ';' | ',' | null;
  rows: SourceRow[];
  /** Columns or elements the layout does not know; their values are not read. */
  ignored: string[];
};

function mismatch(en: string, ru: string): AppError {
  return new AppError('file_type_mismatch', { detail: { ru, en } });
}

/**
 * Reads a registry extract from its bytes: CSV or XML, told apart by the content, never by the
 * name alone; a name that says one and content that is the other is refused. Text is UTF-8
 * (a BOM is fine) or Windows-1251.
 */
export async function readExtractFile(bytes: Buffer, fileName: string): Promise<ExtractSource> {
  if (bytes.length === 0) {
    throw new AppError('empty_file');
  }

  if (bytes.length > REGISTRY_FILE_MAX_BYTES) {
    throw tooLarge(REGISTRY_FILE_MAX_BYTES);
  }

  await refuseBinary(bytes);

  const body = stripUtf8Bom(bytes);
  const isXml = firstSignificantByte(body) === 0x3c; // '<'
  const extension = path.extname(fileName).toLowerCase();

  if (isXml && (extension === '.csv' || extension === '.txt')) {
    throw mismatch(
      `${fileName} is named as CSV but holds XML`,
      `${fileName} назван как CSV, но содержит XML`,
    );
  }

  if (!isXml && extension === '.xml') {
    throw mismatch(
      `${fileName} is named as XML but holds no XML`,
      `${fileName} назван как XML, но XML не содержит`,
    );
  }

  if (isXml) {
    const { text, encoding } = decodeXml(body);

    return { format: 'xml', encoding, delimiter: null, ...readXmlRows(text) };
  }

  const { text, encoding } = decodeText(body);

  return { format: 'csv', encoding, ...readCsvRows(text) };
}

async function refuseBinary(bytes: Buffer) {
  // UTF-16 first: file-type takes the FF FE byte-order mark for an MPEG audio frame.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileProblem(
      'the text is UTF-16; save it as UTF-8 or Windows-1251',
      'текст в кодировке UTF-16; сохраните его в UTF-8 или Windows-1251',
    );
  }

  const sniffed = await fileTypeFromBuffer(bytes.subarray(0, 4100));

  if (sniffed && sniffed.ext !== 'xml') {
    throw mismatch(
      `the file is ${sniffed.ext.toUpperCase()} (${sniffed.mime}), not a CSV or XML registry extract`,
      `файл — ${sniffed.ext.toUpperCase()} (${sniffed.mime}), а не выписка в CSV или XML`,
    );
  }

  if (bytes.includes(0)) {
    throw mismatch(
      'the file is binary, not a CSV or XML registry extract',
      'файл двоичный, а не выписка в CSV или XML',
    );
  }
}

function stripUtf8Bom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function firstSignificantByte(bytes: Buffer): number | undefined {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      return byte;
    }
  }

  return undefined;
}

/** UTF-8 when the bytes are valid UTF-8, Windows-1251 otherwise (Cyrillic in 1251 never is). */
function decodeText(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1251'), encoding: 'windows-1251' };
  }
}

/** XML says its encoding in the declaration; without one it is UTF-8 (XML 1.0 §4.3.3). */
function decodeXml(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  const name = declared?.toLowerCase();

  if (name === 'windows-1251' || name === 'cp1251') {
    return { text: iconv.decode(bytes, 'win1251'), encoding: 'windows-1251' };
  }

  if (name !== undefined && name !== 'utf-8' && name !== 'utf8') {
    throw fileProblem(
      `the XML declares the encoding ${declared}; use UTF-8 or Windows-1251`,
      `XML объявляет кодировку ${declared}; используйте UTF-8 или Windows-1251`,
    );
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    throw fileProblem(
      'the XML is not valid UTF-8 and declares no other encoding',
      'XML не в кодировке UTF-8 и другой кодировки не объявляет',
    );
  }
}
