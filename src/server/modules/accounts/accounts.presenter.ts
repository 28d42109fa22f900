import type { RegistrationRow } from './accounts.repo.js';

/** `+79001234567` → `+7 900 ***-**-67`; `anna@example.ru` → `a***@example.ru`. */
export function maskContact(kind: 'phone' | 'email', value: string): string {
  if (kind === 'phone') {
    return `${value.slice(0, 2)} ${value.slice(2, 5)} ***-**-${value.slice(-2)}`;
  }

  const [local = '', domain = ''] = value.split('@');

  return `${local.slice(0, 1)}***@${domain}`;
}

export type NextStep = 'confirm' | 'consents' | 'password' | 'done';

export function registrationContacts(row: RegistrationRow) {
  return [
    ...(row.phone
      ? [{ kind: 'phone' as const, value: row.phone, confirmed: !!row.phoneConfirmedAt }]
      : []),
    ...(row.email
      ? [{ kind: 'email' as const, value: row.email, confirmed: !!row.emailConfirmedAt }]
      : []),
  ];
}

/** What the wizard asks for next: every contact confirmed, then consents, then the password. */
export function nextStepOf(row: RegistrationRow): NextStep {
  if (row.completedAt) {
    return 'done';
  }

  if (registrationContacts(row).some((contact) => !contact.confirmed)) {
    return 'confirm';
  }

  return row.consentedAt ? 'password' : 'consents';
}

export function presentRegistration(row: RegistrationRow) {
  return { registrationId: row.id, contacts: registrationContacts(row), nextStep: nextStepOf(row) };
}

export function presentCodeSent(
  kind: 'phone' | 'email',
  contact: string,
  issued: { expiresAt: Date; resendAvailableAt: Date; attemptsLeft: number },
) {
  return {
    sentTo: maskContact(kind, contact),
    expiresAt: issued.expiresAt.toISOString(),
    resendAvailableAt: issued.resendAvailableAt.toISOString(),
    attemptsLeft: issued.attemptsLeft,
  };
}
