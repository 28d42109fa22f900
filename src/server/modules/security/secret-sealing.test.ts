import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../config.js';
import { createSecretSealer } from './secret-sealing.js';

const KEY = 'a-long-test-passphrase-for-totp-sealing-0001';

describe('secret sealing (TOTP secrets at rest)', () => {
  it('should round-trip and never store the secret in the clear', () => {
    const sealer = createSecretSealer(KEY);
    const sealed = sealer.seal('JBSWY3DPEHPK3PXP');

    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealed.split('.')).toHaveLength(3);
    expect(sealer.unseal(sealed)).toBe('JBSWY3DPEHPK3PXP');
    // A fresh IV each time: the same secret seals differently.
    expect(sealer.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('should refuse a tampered ciphertext, a wrong key and a malformed value', () => {
    const sealer = createSecretSealer(KEY);
    const [iv, tag, body] = sealer.seal('JBSWY3DPEHPK3PXP').split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 0x01;

    expect(() => sealer.unseal([iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createSecretSealer(`${KEY}-other`).unseal([iv, tag, body].join('.'))).toThrow();
    expect(() => sealer.unseal('not-sealed')).toThrow();
  });
});

describe('security configuration', () => {
  const production = { NODE_ENV: 'production', COOKIE_SECRET: 'c'.repeat(40) };

  // Other variables production requires are not this test's business: it reads the problems.
  function totpProblems(env: Record<string, string>): string[] {
    try {
      loadConfig(env);

      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);

      return (error as ConfigError).problems.filter((problem) => problem.includes('TOTP'));
    }
  }

  it('should refuse production without its own TOTP key, or with the development one', () => {
    expect(totpProblems(production)).toHaveLength(1);
    expect(
      totpProblems({
        ...production,
        TOTP_ENCRYPTION_KEY: 'mpdom-development-totp-key-not-for-production',
      }),
    ).toHaveLength(1);
    expect(totpProblems({ ...production, TOTP_ENCRYPTION_KEY: 'short' })).toHaveLength(1);
    expect(totpProblems({ ...production, TOTP_ENCRYPTION_KEY: 'k'.repeat(32) })).toEqual([]);
  });

  it('should take the WebAuthn relying party from PUBLIC_URL unless set explicitly', () => {
    expect(loadConfig({}).security.webauthn).toEqual({
      rpId: 'localhost',
      origin: 'http://localhost:3000',
    });
    expect(loadConfig({ PUBLIC_URL: 'https://mpdom.ru/app/' }).security.webauthn).toEqual({
      rpId: 'mpdom.ru',
      origin: 'https://mpdom.ru',
    });
    expect(
      loadConfig({ WEBAUTHN_RP_ID: 'mpdom.ru', WEBAUTHN_ORIGIN: 'https://lk.mpdom.ru' }).security
        .webauthn,
    ).toEqual({ rpId: 'mpdom.ru', origin: 'https://lk.mpdom.ru' });
    expect(() => loadConfig({ WEBAUTHN_RP_ID: 'https://x/' })).toThrow(ConfigError);
  });
});
