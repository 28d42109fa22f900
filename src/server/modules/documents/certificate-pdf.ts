import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import QRCode from 'qrcode';

import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf-document.js';
import { OrganisationPdfSigner } from './pdf-signer.js';
import type { OrganisationKey } from './signing-keys.js';

export type CertificateContent = {
  title: string;
  number: string;
  issuedAt: Date;
  validUntil: string;
  organisation: { name: string; inn: string | null; ogrn: string | null };
  /** The addressee and the statement itself, line by line. */
  facts: { label: string; value: string }[];
  statement: string;
  verificationUrl: string;
};

const INK = '#1a1a1a';
const STAMP = '#0d3f99';

function russianDate(date: Date): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** The certificate as a PDF page: heading, facts, statement, the visible stamp and the QR code. */
async function render(content: CertificateContent, key: OrganisationKey): Promise<Buffer> {
  const doc = createPdf({
    title: `${content.title} № ${content.number}`,
    author: content.organisation.name,
    subject: content.verificationUrl,
    createdAt: content.issuedAt,
  });
  const qr = await QRCode.toBuffer(content.verificationUrl, { margin: 1, width: 240 });
  const requisites = [
    content.organisation.inn ? `ИНН ${content.organisation.inn}` : null,
    content.organisation.ogrn ? `ОГРН ${content.organisation.ogrn}` : null,
  ].filter(Boolean);

  doc.fillColor(INK).font('bold').fontSize(12).text(content.organisation.name, { align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text(requisites.join(', ') || ' ', { align: 'center' });
  doc.moveDown(2);
  doc.font('bold').fontSize(15).text(content.title.toUpperCase(), { align: 'center' });
  doc.font('regular').fontSize(10);
  doc.text(`№ ${content.number} от ${russianDate(content.issuedAt)}`, { align: 'center' });
  doc.moveDown(1.5);

  for (const fact of content.facts) {
    doc.font('bold').fontSize(10).text(`${fact.label}: `, { continued: true });
    doc.font('regular').text(fact.value);
    doc.moveDown(0.3);
  }

  doc.moveDown(1);
  doc.fontSize(11).text(content.statement, { align: 'justify' });
  doc.moveDown(1);
  doc
    .fontSize(9)
    .text(
      `Справка действительна по ${content.validUntil.split('-').reverse().join('.')} включительно.`,
    );

  // The visible stamp, in the style of the «документ подписан электронной подписью» mark.
  const top = 600;

  doc.lineWidth(1.2).strokeColor(STAMP).roundedRect(40, top, 330, 92, 6).stroke();
  doc
    .fillColor(STAMP)
    .font('bold')
    .fontSize(9)
    .text('ДОКУМЕНТ ПОДПИСАН', 52, top + 10);
  doc.text('ЭЛЕКТРОННОЙ ПОДПИСЬЮ', 52, top + 22);
  doc.font('regular').fontSize(7.5);
  doc.text(`Владелец: ${content.organisation.name}`, 52, top + 40, { width: 310 });
  doc.text(`Сертификат: ${key.serialNumber}`, 52, top + 54, { width: 310 });
  doc.text(
    `Действителен до: ${key.notAfter.toISOString().slice(0, 10).split('-').reverse().join('.')}`,
    52,
    top + 66,
  );
  doc.image(qr, 420, top - 6, { width: 120 });
  doc
    .fillColor(INK)
    .fontSize(7)
    .text('Проверить подлинность:', 400, top + 118, { width: 160 });
  doc.text(content.verificationUrl, 400, top + 128, { width: 160, link: content.verificationUrl });

  return pdfToBuffer(doc);
}

/**
 * The certificate PDF signed with the organisation's key: an embedded CMS signature
 * (adbe.pkcs7.detached over the byte ranges) that PDF readers check, over a page carrying the
 * visible stamp and the QR code to the public verification page.
 */
export async function signedCertificatePdf(
  content: CertificateContent,
  key: OrganisationKey,
): Promise<Buffer> {
  const unsigned = await render(content, key);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: unsigned,
    reason: `${content.title} № ${content.number}`,
    contactInfo: content.verificationUrl,
    name: content.organisation.name,
    location: 'МП-дом',
    signingTime: content.issuedAt,
  });
  return new SignPdf().sign(withPlaceholder, new OrganisationPdfSigner(key), content.issuedAt);
}
