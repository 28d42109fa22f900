import type { Config } from '../../config.js';

export const RP_NAME = 'МП-дом';

/** Options and answers older than this are refused: the person had time to touch the sensor. */
export const WEBAUTHN_TIMEOUT_MS = 5 * 60 * 1000;

export function relyingParty(config: Pick<Config, 'security'>) {
  return { rpID: config.security.webauthn.rpId, origin: config.security.webauthn.origin };
}

/**
 * The challenge a browser signed, read from its clientDataJSON without trusting anything else in
 * it yet; the library checks the whole document afterwards. Null when it is not readable.
 */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));

    if (data && typeof data === 'object' && 'challenge' in data) {
      return typeof data.challenge === 'string' ? data.challenge : null;
    }
  } catch {
    return null;
  }

  return null;
}
