import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { parse, type CsvError, type Info } from 'csv-parse';
import iconv from 'iconv-lite';

import { AppError } from '../../platform/errors.js';

export type SourceEncoding = 'utf-8' | 'windows-1251';

/** One CSV record with the line it starts on, or a stretch the CSV parser had to give up on. */
export type SourceRecord = { line: number; fields: string[] } | { line: number; error: string };

export type RegistrySource = {
  compressed: boolean;
  bytesTotal: number;
  sha256: string;
  /** Compressed bytes consumed so far, for a progress bar. */
  bytesRead(): number;
  /** Known once the first 64 KiB have been looked at. */
  encoding(): SourceEncoding | null;
  records: AsyncIterable<SourceRecord>;
};

const GZIP_MAGIC = [0x1f, 0x8b];
const SNIFF_BYTES = 64 * 1024;

export function fileProblem(en: string, ru: string, cause?: unknown): AppError {
  return new AppError('import_file_invalid', { detail: { ru, en }, cause });
}

/**
 * Opens a registry extract as a stream of CSV records: gzip is recognised by its magic bytes, not
 * by the name; the text is UTF-8 (with or without BOM) or, when its bytes are not valid UTF-8,
 * Windows-1251 as older exports from Russian spreadsheets are.
 */
export async function openRegistrySource(filePath: string): Promise<RegistrySource> {
  const handle = await fs.open(filePath, 'r').catch((cause: NodeJS.ErrnoException) => {
    throw cause.code === 'ENOENT'
      ? fileProblem(`file not found: ${filePath}`, `файл не найден: ${filePath}`, cause)
      : fileProblem(
          `cannot open ${filePath}: ${cause.code ?? cause.message}`,
          `не удалось открыть ${filePath}: ${cause.code ?? cause.message}`,
          cause,
        );
  });

  try {
    const stat = await handle.stat();

    if (!stat.isFile()) {
      throw fileProblem(`${filePath} is not a regular file`, `${filePath} — не обычный файл`);
    }

    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    const compressed = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    const sha256 = await hashFile(handle);

    return createSource(handle, { compressed, bytesTotal: stat.size, sha256 });
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function hashFile(handle: fs.FileHandle): Promise<string> {
  const hash = createHash('sha256');

  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
    hash.update(chunk as Buffer);
  }

  return hash.digest('hex');
}

function createSource(
  handle: fs.FileHandle,
  meta: { compressed: boolean; bytesTotal: number; sha256: string },
): RegistrySource {
  let consumed = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      consumed += chunk.length;
      done(null, chunk);
    },
  });
  const decoder = new RegistryDecoder();
  const parser = parse({
    bom: true,
    info: true,
    // The Ekaterinburg extract ends its header with \n and its data rows with \r\n; with one
    // delimiter guessed from the header, every last field would keep a stray \r.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const stages = [
    handle.createReadStream({ start: 0 }),
    meter,
    ...(meta.compressed ? [createGunzip()] : []),
    decoder,
    parser,
  ];
  const feeding = pipeline(stages);

  // The consumer sees failures through the parser; this only keeps the promise from going
  // unhandled when the consumer stops early.
  feeding.catch(() => undefined);

  return {
    ...meta,
    bytesRead: () => consumed,
    encoding: () => decoder.chosen,
    records: readRecords(parser),
  };
}

async function* readRecords(parser: ReturnType<typeof parse>): AsyncGenerator<SourceRecord> {
  // The parser reports a broken stretch as soon as it meets it, often before the records ahead
  // of it have been read from its buffer; each one waits for its place in the sequence.
  const broken: { after: number; message: string }[] = [];
  let yielded = 0;
  // A broken stretch starts right after the last good record; the parser only knows where it
  // gave up, which for an unclosed quote is the end of the file.
  let lastLine = 0;
  const flushBroken = function* (): Generator<SourceRecord> {
    while (broken.length > 0 && (broken[0]?.after ?? 0) <= yielded) {
      yield { line: lastLine + 1, error: broken.shift()?.message ?? '' };
    }
  };

  parser.on('skip', (error: CsvError & { records?: number }) => {
    broken.push({ after: error.records ?? yielded, message: error.message });
  });

  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: Info;
    }>) {
      yield* flushBroken();

      // `info.lines` is where the record ends; a quoted field may span lines.
      const inner = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);

      yield { line: info.lines - inner, fields: record };
      yielded += 1;
      lastLine = info.lines;
    }

    yielded = Number.POSITIVE_INFINITY;
    yield* flushBroken();
  } catch (error) {
    throw error instanceof AppError ? error : describeStreamError(error);
  } finally {
    parser.destroy();
  }
}

function describeStreamError(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? '';

  if (code.startsWith('Z_')) {
    return fileProblem(
      `the gzip data is damaged (${code})`,
      `сжатые данные повреждены (${code})`,
      error,
    );
  }

  return fileProblem(
    `the file could not be read: ${String((error as Error).message ?? error)}`,
    `файл не удалось прочитать: ${String((error as Error).message ?? error)}`,
    error,
  );
}

/**
 * Passes UTF-8 through untouched (validating it) or converts Windows-1251 to UTF-8. The choice is
 * made on the first 64 KiB: Cyrillic text in Windows-1251 is almost never valid UTF-8.
 */
class RegistryDecoder extends Transform {
  chosen: SourceEncoding | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1251 = iconv.getDecoder('win1251');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    if (this.chosen === null) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      done(this.pendingBytes < SNIFF_BYTES ? null : this.release());

      return;
    }

    done(this.convert(chunk));
  }

  override _flush(done: TransformCallback) {
    const error = this.chosen === null ? this.release() : null;

    if (error) {
      done(error);

      return;
    }

    try {
      if (this.chosen === 'utf-8') {
        this.utf8.decode();
      } else {
        const tail = this.cp1251.end();

        if (tail) {
          this.push(Buffer.from(tail, 'utf8'));
        }
      }

      done();
    } catch {
      done(
        fileProblem('the file ends inside a UTF-8 character', 'файл обрывается посреди символа'),
      );
    }
  }

  /** Decides the encoding on what has been buffered and passes it on. */
  private release(): Error | null {
    const head = Buffer.concat(this.pending);

    this.pending = [];

    if (head.includes(0)) {
      return fileProblem('the file is binary, not CSV text', 'файл двоичный, а не текст CSV');
    }

    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      this.chosen = 'utf-8';
    } catch {
      this.chosen = 'windows-1251';
    }

    return this.convert(head);
  }

  private convert(chunk: Buffer): Error | null {
    if (this.chosen === 'windows-1251') {
      this.push(Buffer.from(this.cp1251.write(chunk), 'utf8'));

      return null;
    }

    try {
      this.utf8.decode(chunk, { stream: true });
    } catch {
      return fileProblem(
        `the text is not valid UTF-8 after byte ${this.offset} of the decompressed data`,
        `текст не в кодировке UTF-8 после байта ${this.offset} распакованных данных`,
      );
    }

    this.offset += chunk.length;
    this.push(chunk);

    return null;
  }
}
