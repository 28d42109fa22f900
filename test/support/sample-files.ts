import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A real JPEG (see test/fixtures/files/README.md). */
export function sampleJpeg(): Buffer {
  return fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/files/scan.jpg'));
}

/** A valid truecolour PNG of the given size, encoded here: signature, IHDR, IDAT, IEND. */
export function samplePng(width = 4, height = 3): Buffer {
  const header = Buffer.alloc(13);

  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace

  const rows: Buffer[] = [];

  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB triples

    for (let x = 0; x < width; x += 1) {
      row.set([(x * 60) % 256, (y * 80) % 256, 128], 1 + x * 3);
    }

    rows.push(row);
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  const crc = Buffer.alloc(4);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);

  length.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(typeAndData));

  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid one-page PDF 1.4 with a correct cross-reference table. `padding` adds that many bytes
 * of comment lines to the content stream, to make files of a chosen size.
 */
export function samplePdf(text = 'MP-dom test', padding = 0): Buffer {
  const filler = padding > 0 ? `% ${'x'.repeat(Math.max(0, padding - 3))}\n` : '';
  const content = `${filler}BT /F1 12 Tf 72 720 Td (${text}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];

  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });

  const xrefAt = Buffer.byteLength(body);
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);

  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries.join('')}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;

  return Buffer.from(body, 'latin1');
}

/** A valid PDF of exactly `size` bytes (at least about 500). */
export function samplePdfOfSize(size: number): Buffer {
  let padding = size - samplePdf('sized').length;

  // Padding changes a few digits in /Length and the offsets, so settle in a couple of rounds.
  for (let round = 0; round < 5; round += 1) {
    const pdf = samplePdf('sized', padding);

    if (pdf.length === size) {
      return pdf;
    }

    padding += size - pdf.length;
  }

  throw new Error(`cannot build a PDF of exactly ${size} bytes`);
}

/** The start of a Windows executable: enough for any sniffer to call it one. */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(512);

  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c); // offset of the PE header
  bytes.write('PE\0\0', 0x80, 'latin1');

  return bytes;
}

export function sampleHtml(): Buffer {
  return Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n');
}

export type MultipartPart = {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
};

/** A multipart/form-data body as a browser would send it, for `app.inject`. */
export function multipartBody(parts: MultipartPart[]) {
  const boundary = `----mpdom${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];

  for (const part of parts) {
    // Raw UTF-8 in the quoted name, as browsers send it (RFC 7578 §4.2).
    const filename =
      part.filename === undefined ? '' : `; filename="${part.filename.replaceAll('"', '%22')}"`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';

    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}` +
          `${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data),
      Buffer.from('\r\n'),
    );
  }

  chunks.push(Buffer.from(`--${boundary}--\r\n`));

  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
