import { createRequire } from 'node:module';

import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: the PDF's built-in Helvetica has no Cyrillic,
 * so every document embeds this font (pdfkit subsets it to the glyphs used).
 */
export const PDF_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export type PdfDocument = PDFKit.PDFDocument;

export type PdfOptions = {
  title: string;
  author?: string;
  subject?: string;
  /** Fixed for reproducible output in tests; defaults to now. */
  createdAt?: Date;
  size?: 'A4' | 'A5';
  layout?: 'portrait' | 'landscape';
  margin?: number;
};

/** A new PDF with the platform's embedded fonts registered as `regular` and `bold`. */
export function createPdf(options: PdfOptions): PdfDocument {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 40,
    info: {
      Title: options.title,
      Author: options.author ?? 'МП-дом',
      Subject: options.subject ?? '',
      CreationDate: options.createdAt ?? new Date(),
    },
    bufferPages: true,
  });

  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.font('regular');

  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];

    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
