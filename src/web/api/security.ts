import { apiRequest } from './client.js';
import type { Page, Session } from './types.js';

/** Sessions and devices, password change, authenticator app and passkeys ("security"). */

export type DeviceSession = {
  id: string;
  userAgent: string | null;
  device?: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

export function listSessions(signal?: AbortSignal) {
  return apiRequest<Page<DeviceSession>>('/api/v1/sessions', { query: { limit: 100 }, signal });
}

export function endSession(id: string) {
  return apiRequest<void>(`/api/v1/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function changePassword(input: { currentPassword: string; newPassword: string }) {
  return apiRequest<{ endedSessions: number }>('/api/v1/users/me/password', {
    method: 'PUT',
    body: input,
  });
}

export type TotpEnrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };

export function startTotp() {
  return apiRequest<TotpEnrolment>('/api/v1/users/me/totp', { method: 'POST' });
}

export function confirmTotp(code: string) {
  return apiRequest<{ recoveryCodes: string[] }>('/api/v1/users/me/totp/confirmations', {
    method: 'POST',
    body: { code },
  });
}

export function disableTotp(code: string) {
  return apiRequest<void>('/api/v1/users/me/totp', { method: 'DELETE', body: { code } });
}

export function passSecondFactor(
  input: { challengeId: string } & ({ code: string } | { recoveryCode: string }),
) {
  return apiRequest<Session>('/api/v1/sessions/second-factor', { method: 'POST', body: input });
}

export type Passkey = {
  id: string;
  name: string;
  transports: string[];
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
};

export function listPasskeys(signal?: AbortSignal) {
  return apiRequest<Page<Passkey>>('/api/v1/users/me/passkeys', { signal });
}

// WebAuthn option and response documents go between the server and the browser library as is.
export type WebauthnJson = Record<string, unknown>;

export function passkeyRegistrationOptions() {
  return apiRequest<WebauthnJson>('/api/v1/users/me/passkeys/options', { method: 'POST' });
}

export function registerPasskey(response: unknown, name?: string) {
  return apiRequest<Passkey>('/api/v1/users/me/passkeys', {
    method: 'POST',
    body: { response, ...(name ? { name } : {}) },
  });
}

export function removePasskey(id: string) {
  return apiRequest<void>(`/api/v1/users/me/passkeys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
}

export function passkeySignInOptions(login?: string) {
  return apiRequest<WebauthnJson>('/api/v1/sessions/passkey/options', {
    method: 'POST',
    body: login ? { login } : {},
  });
}

export function signInWithPasskey(response: unknown) {
  return apiRequest<Session>('/api/v1/sessions/passkey', { method: 'POST', body: { response } });
}

export type TotpStatus = {
  enabled: boolean;
  enrolmentPending: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
};

export function getTotpStatus(signal?: AbortSignal) {
  return apiRequest<TotpStatus>('/api/v1/users/me/totp', { signal });
}
