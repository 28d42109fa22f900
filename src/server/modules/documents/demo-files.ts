import type { AppContext } from '../../platform/context.js';
import { storeUpload } from '../../platform/files/files.service.js';
import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf-document.js';
import { insertVersion } from './documents.repo.js';
import { insertRequest } from './signatures.repo.js';

type DemoCard = {
  id: string;
  kind: string;
  title: string;
  organisationId: string;
  organisationName: string;
  personId: string | null;
  address: string | null;
  createdBy: string | null;
};

async function render(card: DemoCard): Promise<Buffer> {
  const doc = createPdf({ title: card.title, author: card.organisationName });

  doc.font('bold').fontSize(14).text(card.title, { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(10).text(card.organisationName, { align: 'center' });

  if (card.address) {
    doc.text(card.address, { align: 'center' });
  }

  doc.moveDown(2).fontSize(11);
  doc.text(
    'Демонстрационный документ МП-дом: данные вымышлены и служат для знакомства с архивом, ' +
      'подписанием и проверкой документов.',
  );

  if (card.kind === 'act') {
    doc
      .moveDown()
      .text(
        'Комиссия осмотрела стояки холодного и горячего водоснабжения в квартире 1. Течей и ' +
          'следов протечек не обнаружено; запорная арматура исправна. Собственник ознакомлен с ' +
          'результатами осмотра.',
      );
  }

  return pdfToBuffer(doc);
}

/**
 * Gives the demo's document cards their files and sends the demo act to the demo owner for
 * signature. Runs when the API starts; does nothing once every demo document has a version.
 */
export async function completeDemoDocuments(ctx: AppContext): Promise<void> {
  const cards = await ctx.db.query<DemoCard>(
    `SELECT d.id, d.kind, d.title, d.organisation_id AS "organisationId",
            o.name AS "organisationName", d.person_id AS "personId", h.address,
            d.created_by AS "createdBy"
     FROM documents d JOIN organisations o ON o.id = d.organisation_id
     LEFT JOIN houses h ON h.id = d.house_id
     WHERE d.is_demo AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id)`,
  );

  for (const card of cards) {
    const pdf = await render(card);
    const file = await storeUpload(ctx, {
      body: pdf,
      originalName: `${card.title.slice(0, 60)}.pdf`,
      allowed: ['pdf'],
      maxBytes: pdf.length + 1,
      uploadedBy: card.createdBy,
    });

    await ctx.db.transaction(async (tx) => {
      const versionId = await insertVersion(tx, {
        documentId: card.id,
        number: 1,
        fileId: file.id,
        note: null,
        by: card.createdBy,
      });

      if (card.personId) {
        const [premise] = await tx.query<{ id: string }>(
          `SELECT o.premise_id AS id FROM ownerships o JOIN premises p ON p.id = o.premise_id
           JOIN houses h ON h.id = p.house_id
           WHERE o.person_id = $1 AND h.managing_organisation_id = $2 ORDER BY p.number LIMIT 1`,
          [card.personId, card.organisationId],
        );

        await insertRequest(tx, {
          documentId: card.id,
          versionId,
          organisationId: card.organisationId,
          signerPersonId: card.personId,
          premiseId: premise?.id ?? null,
          message: 'Просим ознакомиться с актом осмотра и подписать его кодом из СМС.',
          sentBy: card.createdBy,
          isDemo: true,
        });
      }
    });
  }
}
