import iconv from 'iconv-lite';
import QRCode from 'qrcode';

import { displayDecimal, formatRoubles } from '../../../domain/billing/money.js';
import { UNIT_LABELS } from '../../../domain/billing/services.js';
import { createPdf, pdfToBuffer, type PdfDocument } from '../../platform/pdf/pdf-document.js';
import type { BillData } from './bill-data.js';

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

const rub = (kopecks: number) => formatRoubles(BigInt(kopecks));
const ru = (decimal: string | null, minScale = 0) =>
  decimal === null ? '' : displayDecimal(decimal, minScale);

export function periodTitle(period: string) {
  return `${MONTHS[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}`;
}

/**
 * The QR as a PNG, error correction M (the usual choice for printed bills), in byte mode over the
 * windows-1251 bytes its header `ST00011` announces.
 */
export function qrPng(text: string): Promise<Buffer> {
  const bytes = text.startsWith('ST00011')
    ? iconv.encode(text, 'win1251')
    : Buffer.from(text, 'utf8');

  return QRCode.toBuffer([{ data: bytes, mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 6,
    type: 'png',
  });
}

function heading(doc: PdfDocument, text: string) {
  doc
    .moveDown(0.6)
    .font('bold')
    .fontSize(10)
    .text(text)
    .font('regular')
    .fontSize(8.5)
    .moveDown(0.2);
}

function pairs(doc: PdfDocument, rows: [string, string][], width: number) {
  const x = doc.page.margins.left;

  for (const [label, value] of rows) {
    const y = doc.y;

    doc.font('regular').text(label, x, y, { width: 170 });
    doc.font('bold').text(value || '—', x + 175, y, { width: width - 175 });
    doc.font('regular');
  }
}

const COLUMNS: { title: string; width: number; align: 'left' | 'right' }[] = [
  { title: 'Вид услуги', width: 150, align: 'left' },
  { title: 'Ед.', width: 32, align: 'left' },
  { title: 'Объём', width: 52, align: 'right' },
  { title: 'Тариф, ₽', width: 52, align: 'right' },
  { title: 'Начислено', width: 60, align: 'right' },
  { title: 'Перерасчёт', width: 58, align: 'right' },
  { title: 'Льготы', width: 46, align: 'right' },
  { title: 'Итого', width: 62, align: 'right' },
];

function row(doc: PdfDocument, cells: string[], bold = false) {
  const y = doc.y;
  let x = doc.page.margins.left;
  let bottom = y;

  doc.font(bold ? 'bold' : 'regular');
  COLUMNS.forEach((column, i) => {
    doc.text(cells[i] ?? '', x, y, { width: column.width - 4, align: column.align });
    bottom = Math.max(bottom, doc.y);
    x += column.width;
  });
  doc.font('regular');
  doc.x = doc.page.margins.left;
  doc.y = bottom + 2;
}

/** Adds one ЕПД (a page or two) to the document, in the sections of Приказ Минстроя № 43/пр. */
export async function addEpd(doc: PdfDocument, bill: BillData) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const s = bill.executor;

  doc
    .font('bold')
    .fontSize(13)
    .text(`Единый платёжный документ за ${periodTitle(bill.period)}`);
  doc.font('regular').fontSize(8.5);
  doc.text(`Идентификатор платёжного документа: ${bill.documentId}    ЕЛС: ${bill.account.number}`);

  heading(doc, 'Раздел 1. Сведения о плательщике и исполнителе услуг');
  pairs(
    doc,
    [
      ['Плательщик', bill.payer.name],
      ['Адрес помещения', `${bill.premise.address}, помещение ${bill.premise.number}`],
      ['Площадь, м²', ru(bill.premise.areaM2)],
      ['Зарегистрировано, чел.', String(bill.premise.residents)],
      ['Исполнитель', s.payeeName],
      ['Адрес, телефон', [s.address, s.phone].filter(Boolean).join(', ')],
      ['Эл. почта, сайт', [s.email, s.website].filter(Boolean).join(', ')],
      ['Режим работы', s.officeHours ?? ''],
    ],
    width,
  );

  heading(doc, 'Раздел 2. Информация для внесения платы получателю платежа');

  const top = doc.y;
  const due = bill.totalDueKopecks;

  pairs(
    doc,
    [
      ['Получатель платежа', s.payeeName],
      ['ИНН / КПП', `${s.inn} / ${s.kpp ?? '—'}`],
      ['Расчётный счёт', s.settlementAccount],
      ['Банк', s.bankName],
      ['БИК / корр. счёт', `${s.bik} / ${s.correspondentAccount}`],
      ['Лицевой счёт', bill.account.number],
      ['Задолженность на начало периода', `${rub(bill.debtAtStartKopecks)} ₽`],
      ['Оплачено в периоде', `${rub(bill.paidInPeriodKopecks)} ₽`],
      ['Дата последней оплаты', bill.lastPaymentOn ?? '—'],
      ['Начислено за период', `${rub(bill.chargedKopecks)} ₽`],
      [due >= 0 ? 'Итого к оплате' : 'Аванс', `${rub(Math.abs(due))} ₽ до ${bill.dueDate}`],
    ],
    width - 140,
  );

  const after = doc.y;

  if ('text' in bill.qr) {
    doc.image(await qrPng(bill.qr.text), doc.page.margins.left + width - 130, top, { width: 130 });
    doc
      .fontSize(7)
      .text(
        'Оплата по QR-коду (ГОСТ Р 56042-2014)',
        doc.page.margins.left + width - 130,
        top + 132,
        { width: 130, align: 'center' },
      );
  } else {
    doc
      .fontSize(7)
      .text(`QR-код не сформирован: ${bill.qr.problem}`, doc.page.margins.left + width - 120, top, {
        width: 120,
      });
  }

  doc.fontSize(8.5);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(after, top + 145);

  heading(
    doc,
    'Раздел 3. Расчёт размера платы за содержание и ремонт жилого помещения и коммунальные услуги',
  );
  row(
    doc,
    COLUMNS.map((c) => c.title),
    true,
  );

  for (const line of bill.lines) {
    row(doc, [
      line.serviceName + (line.zone !== 'single' ? ` (${ZONE_NAMES[line.zone] ?? line.zone})` : ''),
      line.unit ? (UNIT_LABELS[line.unit]?.ru ?? line.unit) : '',
      ru(line.quantity),
      ru(line.rate, 2),
      rub(line.accruedKopecks),
      rub(line.recalculationKopecks),
      rub(line.benefitsKopecks),
      rub(line.totalKopecks),
    ]);
  }

  if (bill.penalties.kopecks > 0) {
    row(doc, [
      'Пени',
      '',
      '',
      '',
      rub(bill.penalties.kopecks),
      '',
      '',
      rub(bill.penalties.kopecks),
    ]);
  }

  row(doc, ['Всего за период', '', '', '', '', '', '', rub(bill.chargedKopecks)], true);

  if (bill.recalculations.length > 0) {
    heading(doc, 'Перерасчёты');
    bill.recalculations.forEach((r) =>
      doc.text(
        `${r.service} за ${r.correctsPeriod ?? ''}: ${rub(r.kopecks)} ₽ — основание: ${r.ground}`,
      ),
    );
  }

  if (bill.penalties.explanations.length > 0) {
    heading(doc, 'Расчёт пеней');
    bill.penalties.explanations.forEach((text) => doc.fontSize(7).text(text));
  }

  heading(doc, 'Как рассчитан объём');
  doc.fontSize(7);
  bill.lines.forEach((line) => doc.text(`${line.serviceName}: ${line.explanations.join('; ')}`));
  doc.fontSize(8.5);
}

export async function renderEpdPdf(bill: BillData): Promise<Buffer> {
  const doc = createPdf({ title: `ЕПД ${bill.documentId}`, subject: `ЕПД за ${bill.period}` });

  await addEpd(doc, bill);

  return pdfToBuffer(doc);
}

/** Electricity zones as a bill names them (Т1, Т2, Т3 with their hours' names). */
const ZONE_NAMES: Record<string, string> = {
  day: 'Т1, день',
  night: 'Т2, ночь',
  peak: 'Т1, пик',
  semi_peak: 'Т3, полупик',
};
