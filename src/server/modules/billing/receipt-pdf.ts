import { formatRoubles } from '../../../domain/billing/money.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf-document.js';
import type { Acting } from '../house-register/acting.js';
import { requireOnlinePayment } from './online-payments.service.js';
import { requireSettings } from './settings.service.js';

/**
 * The receipt of an online payment: who was paid, for which account, how much and when. It is
 * the platform's confirmation; the fiscal cheque (54-ФЗ) comes from the acquirer's cash register.
 */
export async function onlinePaymentReceipt(ctx: AppContext, acting: Acting, id: string) {
  const payment = await requireOnlinePayment(ctx, acting, id);

  if (payment.status !== 'succeeded' || !payment.receiptNumber) {
    throw new AppError('conflict', {
      detail: {
        ru: 'Квитанция выдаётся после успешной оплаты',
        en: 'A receipt exists once the payment succeeded',
      },
    });
  }

  const [account] = await ctx.db.query<{ organisationId: string; address: string; number: string }>(
    `SELECT a.organisation_id AS "organisationId", h.address, p.number FROM personal_accounts a
       JOIN premises p ON p.id = a.premise_id JOIN houses h ON h.id = p.house_id WHERE a.id = $1`,
    [payment.personalAccountId],
  );
  const payee = await requireSettings(ctx.db, account!.organisationId);
  const doc = createPdf({ title: `Квитанция ${payment.receiptNumber}`, size: 'A5' });

  // The number gets a line of its own: on A5 the whole title would wrap at the number's hyphen,
  // and a receipt number split in two cannot be searched or copied.
  doc.font('bold').fontSize(14).text('Квитанция об оплате');
  doc.text(`№ ${payment.receiptNumber}`);
  doc.font('regular').fontSize(10).moveDown();

  for (const [label, value] of [
    ['Дата и время оплаты (UTC)', payment.paidAt ?? ''],
    ['Сумма', `${formatRoubles(BigInt(payment.amountKopecks))} ₽`],
    ['Лицевой счёт (ЕЛС)', payment.accountNumber],
    ['Адрес', `${account!.address}, помещение ${account!.number}`],
    ['Получатель', `${payee.payeeName}, ИНН ${payee.inn}`],
    ['Счёт получателя', `${payee.settlementAccount} в ${payee.bankName}, БИК ${payee.bik}`],
    ['Способ оплаты', `банковская карта через эквайера «${payment.provider}»`],
    ['Идентификатор операции', payment.providerPaymentId ?? ''],
  ]) {
    doc.font('regular').text(`${label}: `, { continued: true }).font('bold').text(value!);
  }

  doc
    .moveDown()
    .font('regular')
    .fontSize(8)
    .text('Кассовый чек (54-ФЗ) формирует эквайер и направляет плательщику.');

  return { fileName: `receipt-${payment.receiptNumber}.pdf`, bytes: await pdfToBuffer(doc) };
}
