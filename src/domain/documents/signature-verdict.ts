/** What a check of an enhanced (CMS) signature concluded, from best to worst. */
export const SIGNATURE_VERDICTS = [
  'valid',
  'certificate_expired',
  'certificate_not_yet_valid',
  'document_changed',
  'signature_invalid',
  'certificate_unknown',
  'not_detached',
  'unsupported',
  'malformed',
] as const;

export type SignatureVerdict = (typeof SIGNATURE_VERDICTS)[number];

export type CertificateFacts = {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
};

/** How each verdict reads to a person, in both languages. */
export const VERDICT_TEXT: Record<SignatureVerdict, { ru: string; en: string }> = {
  valid: { ru: 'Подпись верна', en: 'The signature is valid' },
  certificate_expired: {
    ru: 'Подпись математически верна, но срок действия сертификата истёк',
    en: 'The signature is mathematically correct, but the certificate has expired',
  },
  certificate_not_yet_valid: {
    ru: 'Подпись поставлена до начала срока действия сертификата',
    en: 'The signature was made before the certificate became valid',
  },
  document_changed: {
    ru: 'Подпись не соответствует документу: документ изменён или подписан другой файл',
    en: 'The signature does not match the document: it was changed or another file was signed',
  },
  signature_invalid: {
    ru: 'Подпись неверна: она сделана не ключом этого сертификата или повреждена',
    en: 'The signature is invalid: not made with this certificate’s key, or damaged',
  },
  certificate_unknown: {
    ru: 'В подписи нет сертификата подписанта; приложите файл сертификата',
    en: 'The signature carries no signer certificate; attach the certificate file',
  },
  not_detached: {
    ru: 'Это присоединённая подпись; нужна открепленная (.sig, .p7s) к этому документу',
    en: 'This is an attached signature; a detached one (.sig, .p7s) is needed',
  },
  unsupported: {
    ru: 'Алгоритм подписи не поддерживается (поддерживаются ГОСТ Р 34.10-2012, RSA, ECDSA)',
    en: 'The signature algorithm is not supported (GOST R 34.10-2012, RSA and ECDSA are)',
  },
  malformed: {
    ru: 'Файл не является подписью CMS (CAdES-BES)',
    en: 'The file is not a CMS (CAdES-BES) signature',
  },
};

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'G',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '1.2.840.113549.1.9.1': 'E',
  '1.2.643.3.131.1.1': 'ИНН',
  '1.2.643.100.4': 'ИНН ЮЛ',
  '1.2.643.100.1': 'ОГРН',
  '1.2.643.100.3': 'СНИЛС',
};

/** A distinguished name as one line, in the certificate's own order: `CN=…, O=…, C=RU`. */
export function describeName(parts: { type: string; value: string }[]): string {
  return parts.map((part) => `${NAME_LABELS[part.type] ?? part.type}=${part.value}`).join(', ');
}
