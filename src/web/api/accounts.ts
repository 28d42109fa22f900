import { apiRequest } from './client.js';
import type { Page, Session } from './types.js';

/** Registration, legal texts, access recovery and the demo outbox (issue 3, "accounts"). */

export type ContactKind = 'phone' | 'email';

export type RegistrationContact = { kind: ContactKind; value: string; confirmed: boolean };

export type RegistrationStep = 'confirm' | 'consents' | 'password' | 'done';

export type Registration = {
  registrationId: string;
  contacts: RegistrationContact[];
  nextStep: RegistrationStep;
};

export type StartRegistrationInput = {
  phone?: string;
  email?: string;
  surname: string;
  name: string;
  patronymic?: string;
};

export type CodeSent = {
  sentTo: string;
  expiresAt: string;
  resendAvailableAt: string;
  attemptsLeft: number;
};

export type LegalText = { version: string; effectiveFrom?: string; text: string };

export type LegalTexts = { personalDataConsent: LegalText; userAgreement: LegalText };

const registrationPath = (id: string) => `/api/v1/registrations/${encodeURIComponent(id)}`;

export function startRegistration(input: StartRegistrationInput) {
  return apiRequest<Registration>('/api/v1/registrations', { method: 'POST', body: input });
}

export function requestRegistrationCode(id: string, kind: ContactKind) {
  return apiRequest<CodeSent>(`${registrationPath(id)}/codes`, { method: 'POST', body: { kind } });
}

export function confirmRegistrationContact(id: string, kind: ContactKind, code: string) {
  return apiRequest<Registration>(`${registrationPath(id)}/confirmations`, {
    method: 'POST',
    body: { kind, code },
  });
}

export function acceptConsents(
  id: string,
  versions: { personalDataConsentVersion: string; userAgreementVersion: string },
) {
  return apiRequest<Registration>(`${registrationPath(id)}/consents`, {
    method: 'POST',
    body: versions,
  });
}

export function completeRegistration(id: string, password: string) {
  return apiRequest<Session>(`${registrationPath(id)}/password`, {
    method: 'POST',
    body: { password },
  });
}

export function getLegalTexts(signal?: AbortSignal) {
  return apiRequest<LegalTexts>('/api/v1/legal-texts/current', { signal });
}

export type Recovery = CodeSent & { recoveryId: string };

const recoveryPath = (id: string) => `/api/v1/recoveries/${encodeURIComponent(id)}`;

export function startRecovery(login: string) {
  return apiRequest<Recovery>('/api/v1/recoveries', { method: 'POST', body: { login } });
}

export function resendRecoveryCode(id: string) {
  return apiRequest<Recovery>(`${recoveryPath(id)}/codes`, { method: 'POST' });
}

export function confirmRecovery(id: string, code: string) {
  return apiRequest<{ recoveryId: string; nextStep: 'password' }>(
    `${recoveryPath(id)}/confirmations`,
    { method: 'POST', body: { code } },
  );
}

export function completeRecovery(id: string, password: string) {
  return apiRequest<Session>(`${recoveryPath(id)}/password`, {
    method: 'POST',
    body: { password },
  });
}

export type OutboxMessage = {
  id: string;
  channel: 'email' | 'sms' | 'in_app';
  recipient: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: string;
};

export function listOutboxMessages(
  query: { recipient?: string; limit?: number },
  signal?: AbortSignal,
) {
  return apiRequest<Page<OutboxMessage>>('/api/v1/outbox-messages', { query, signal });
}

export type CounterScope = 'phone' | 'email' | 'ip';

export function resetOtpCounters(scope: CounterScope, value: string) {
  return apiRequest<{ scope: CounterScope; key: string; removed: number }>('/api/v1/otp-counters', {
    method: 'DELETE',
    query: { [scope]: value },
  });
}
