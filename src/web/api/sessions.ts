import { ApiError, apiRequest } from './client.js';
import type { DemoInfo, Session } from './types.js';

export type SignInInput = { login: string; password: string };

export function signIn(input: SignInInput) {
  return apiRequest<Session>('/api/v1/sessions', { method: 'POST', body: input });
}

/** The current session, or null for an anonymous visitor (401 is an answer, not a failure). */
export async function getCurrentSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiRequest<Session>('/api/v1/sessions/current', { signal });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
      return null;
    }

    throw error;
  }
}

export function signOut() {
  return apiRequest<void>('/api/v1/sessions/current', { method: 'DELETE' });
}

/** Demo sign-ins; a server without the demo endpoint is treated as demo mode off. */
export async function getDemoInfo(signal?: AbortSignal): Promise<DemoInfo> {
  try {
    return await apiRequest<DemoInfo>('/api/v1/demo', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return { enabled: false, accounts: [] };
    }

    throw error;
  }
}
