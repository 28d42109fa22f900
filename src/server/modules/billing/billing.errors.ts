import type { CodeSpec } from '../../platform/errors.js';

/** The stable error codes of the billing module, merged into the platform's one catalogue. */
export const billingErrorCodes = {
  /** The organisation has not entered its bank details: no bill or QR can be printed. */
  billing_settings_missing: {
    status: 409,
    ru: 'Не заполнены банковские реквизиты организации',
    en: 'The organisation has no bank details yet',
  },
  /** The bank details fail their checks (БИК, account key, ИНН). */
  billing_settings_invalid: {
    status: 400,
    ru: 'Реквизиты организации не проходят проверку',
    en: 'The bank details fail their checks',
  },
  /** Another tariff of the same service and house is in force on some of the same days. */
  tariff_overlap: {
    status: 409,
    ru: 'На эти даты уже действует тариф этой услуги',
    en: 'A tariff of this service is already in force on these dates',
  },
  /** The period is closed: corrections go into a later period as recalculations. */
  billing_period_closed: {
    status: 409,
    ru: 'Период закрыт; исправления вносятся перерасчётом в следующем периоде',
    en: 'The period is closed; corrections are recalculations in a later period',
  },
  billing_run_in_progress: {
    status: 409,
    ru: 'Расчёт этого периода уже выполняется',
    en: 'A run of this period is already in progress',
  },
  /** Only a finished draft can be closed. */
  billing_run_not_draft: {
    status: 409,
    ru: 'Закрыть можно только рассчитанный черновик',
    en: 'Only a finished draft run can be closed',
  },
  /** A later period has been billed, or an earlier one is still open. */
  billing_period_out_of_order: {
    status: 409,
    ru: 'Периоды закрываются по порядку, без пропусков',
    en: 'Periods are closed in order, none skipped',
  },
  /** A billing run for a month that has not begun yet. */
  billing_period_in_future: {
    status: 422,
    ru: 'Этот месяц ещё не начался: начислять за него рано',
    en: 'This month has not begun yet; it cannot be billed',
  },
  /** The bill's QR cannot be printed (a requisite too long, a bad checksum). */
  payment_qr_unprintable: {
    status: 409,
    ru: 'QR-код для оплаты не может быть сформирован',
    en: 'The payment QR cannot be produced',
  },
  payment_amount_invalid: {
    status: 400,
    ru: 'Сумма оплаты указана неверно',
    en: 'The payment amount is invalid',
  },
  /** A callback whose signature does not verify: ignored, nothing is booked. */
  acquirer_signature_invalid: {
    status: 401,
    ru: 'Подпись уведомления банка не прошла проверку',
    en: 'The acquirer notification signature does not verify',
  },
  /** The sandbox bank's page was already answered. */
  acquirer_payment_decided: {
    status: 409,
    ru: 'Платёж уже обработан банком',
    en: 'The bank has already decided this payment',
  },
  /** The same registry file (by its content) was imported before. */
  registry_file_duplicate: {
    status: 409,
    ru: 'Этот файл реестра уже загружен',
    en: 'This registry file was imported before',
  },
  registry_file_unreadable: {
    status: 400,
    ru: 'Файл реестра не удалось прочитать',
    en: 'The registry file cannot be read',
  },
  /** Manual matching applies to unmatched lines only. */
  registry_line_not_unmatched: {
    status: 409,
    ru: 'Строка реестра уже сопоставлена или содержит ошибку',
    en: 'The registry line is already matched or has an error',
  },
  ledger_entry_not_reversible: {
    status: 409,
    ru: 'Эту запись нельзя сторнировать',
    en: 'This ledger entry cannot be reversed',
  },
} as const satisfies Record<string, CodeSpec>;
