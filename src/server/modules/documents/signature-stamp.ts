import fs from 'node:fs';

import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

import { PDF_FONTS } from '../../platform/pdf/pdf-document.js';

export type StampText = {
  /** «Подписано простой электронной подписью» and the like. */
  heading: string;
  lines: string[];
};

const BLUE = rgb(0.05, 0.25, 0.6);
const STAMP_HEIGHT_PER_LINE = 11;

function drawStamp(page: PDFPage, font: PDFFont, bold: PDFFont, stamp: StampText) {
  const width = Math.min(340, page.getWidth() - 40);
  const height = 26 + stamp.lines.length * STAMP_HEIGHT_PER_LINE;
  const x = page.getWidth() - width - 20;
  const y = 20;

  page.drawRectangle({
    x,
    y,
    width,
    height,
    borderColor: BLUE,
    borderWidth: 1.2,
    color: rgb(1, 1, 1),
    opacity: 0.92,
  });
  page.drawText(stamp.heading, {
    x: x + 8,
    y: y + height - 15,
    size: 8.5,
    font: bold,
    color: BLUE,
  });
  stamp.lines.forEach((line, index) => {
    page.drawText(line, {
      x: x + 8,
      y: y + height - 28 - index * STAMP_HEIGHT_PER_LINE,
      size: 7,
      font,
      color: BLUE,
      maxWidth: width - 16,
    });
  });
}

async function withFonts(pdf: PDFDocument) {
  pdf.registerFontkit(fontkit);

  // Subset, so the signed copy grows by the glyphs of the stamp only.
  const font = await pdf.embedFont(fs.readFileSync(PDF_FONTS.regular), { subset: true });
  const bold = await pdf.embedFont(fs.readFileSync(PDF_FONTS.bold), { subset: true });

  return { font, bold };
}

/**
 * The signed copy: the document with a visible signature stamp on every page (a PDF), or the
 * scan placed on an A4 page with the stamp (an image). The original version is kept untouched;
 * the stamp says who signed, when, how and the SHA-256 of the original bytes.
 */
export async function stampedCopy(bytes: Buffer, mimeType: string, stamp: StampText) {
  let pdf: PDFDocument;

  if (mimeType === 'application/pdf') {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } else {
    pdf = await PDFDocument.create();

    const image = mimeType === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
    const page = pdf.addPage([595.28, 841.89]);
    const scale = Math.min(555 / image.width, 700 / image.height, 1);

    page.drawImage(image, {
      x: (595.28 - image.width * scale) / 2,
      y: 841.89 - 20 - image.height * scale,
      width: image.width * scale,
      height: image.height * scale,
    });
  }

  const { font, bold } = await withFonts(pdf);

  for (const page of pdf.getPages()) {
    drawStamp(page, font, bold, stamp);
  }

  return Buffer.from(await pdf.save());
}
