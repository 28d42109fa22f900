/** Kinds of certificate (справка) the platform issues on an owner's request. */
export const CERTIFICATE_KINDS = ['ownership', 'no_debt', 'utility_services'] as const;

export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** How long a certificate speaks for its facts: the usual practice of management companies. */
export const VALIDITY_DAYS: Record<CertificateKind, number> = {
  ownership: 30,
  no_debt: 10,
  utility_services: 30,
};

export const CERTIFICATE_TITLES: Record<CertificateKind, { ru: string; en: string }> = {
  ownership: { ru: 'Справка о праве собственности', en: 'Certificate of ownership' },
  no_debt: {
    ru: 'Справка об отсутствии задолженности',
    en: 'Certificate of no debt',
  },
  utility_services: {
    ru: 'Справка о состоянии расчётов за жилищно-коммунальные услуги',
    en: 'Certificate of utility services status',
  },
};

/** `СП-2026-000123`: the kind's letters, the year and a sequence within the platform. */
export function certificateNumber(kind: CertificateKind, year: number, sequence: number): string {
  const letters = { ownership: 'СС', no_debt: 'СЗ', utility_services: 'СУ' }[kind];

  return `${letters}-${year}-${String(sequence).padStart(6, '0')}`;
}

export type CertificateState = 'current' | 'expired' | 'revoked';

/** What the public page says about a certificate on a date. */
export function certificateState(
  input: { validUntil: string; revokedAt: Date | null },
  today: string,
): CertificateState {
  if (input.revokedAt) {
    return 'revoked';
  }

  return today > input.validUntil ? 'expired' : 'current';
}

/** The last day of validity: issue date plus the kind's days, as YYYY-MM-DD. */
export function validUntil(kind: CertificateKind, issuedOn: string): string {
  const date = new Date(`${issuedOn}T00:00:00Z`);

  date.setUTCDate(date.getUTCDate() + VALIDITY_DAYS[kind]);

  return date.toISOString().slice(0, 10);
}

/** Kopecks as roubles for print: `1 234,50 ₽`. */
export function formatRoubles(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const roubles = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const rest = (abs % 100n).toString().padStart(2, '0');

  return `${negative ? '−' : ''}${roubles},${rest}\u00a0₽`;
}
