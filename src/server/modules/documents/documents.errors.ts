import type { CodeSpec } from '../../platform/errors.js';

/** The stable error codes of the documents module, merged into the platform's one catalogue. */
export const documentsErrorCodes = {
  /** A signed (or superseded) document is evidence: it is never changed, only superseded. */
  document_frozen: {
    status: 409,
    ru: 'Подписанный документ нельзя изменить — его можно только заменить новым',
    en: 'A signed document cannot be changed, only superseded by a new one',
  },
  /** A PDF protected by a password or encryption cannot be read, stamped or archived. */
  pdf_encrypted: {
    status: 422,
    ru: 'PDF зашифрован или защищён паролем — загрузите файл без защиты',
    en: 'The PDF is encrypted or password-protected; upload it without protection',
  },
  /** An enhanced signature that does not verify is refused; `verdict` says why. */
  signature_rejected: {
    status: 422,
    ru: 'Подпись не прошла проверку',
    en: 'The signature did not verify',
  },
  /** The signature request was already signed, declined or cancelled. */
  signature_request_closed: {
    status: 409,
    ru: 'Запрос подписи уже закрыт',
    en: 'The signature request is already closed',
  },
  /** No confirmed phone or e-mail to send a signing code to. */
  signing_contact_missing: {
    status: 409,
    ru: 'Нет подтверждённого телефона или почты для кода подписи',
    en: 'There is no confirmed phone or e-mail to send a signing code to',
  },
  /** The platform cannot state what the certificate would certify (no ownership, a debt). */
  certificate_refused: {
    status: 409,
    ru: 'Справку выдать нельзя',
    en: 'The certificate cannot be issued',
  },
  /** The certificate was revoked before. */
  certificate_revoked: {
    status: 409,
    ru: 'Справка уже отозвана',
    en: 'The certificate is already revoked',
  },
  /** A verification link whose id or check part was altered, or that never existed. */
  verification_link_invalid: {
    status: 404,
    ru: 'Ссылка проверки искажена или такой справки нет',
    en: 'The verification link was altered or no such certificate exists',
  },
} as const satisfies Record<string, CodeSpec>;
