import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals small secrets (TOTP keys) for storage with AES-256-GCM. The key comes from
 * TOTP_ENCRYPTION_KEY through HKDF, so the configured string may be any long passphrase and a
 * leaked database alone does not give away anyone's authenticator.
 */
export type SecretSealer = {
  seal(plain: string): string;
  unseal(sealed: string): string;
};

const IV_BYTES = 12;

export function createSecretSealer(keyMaterial: string, purpose = 'mpdom/totp-secret/v1') {
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'mpdom', purpose, 32));

  return {
    seal(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);

      return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
    },

    unseal(sealed: string): string {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));

      if (!iv || !tag || !body) {
        throw new Error('A sealed secret must have three parts');
      }

      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);

      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  } satisfies SecretSealer;
}
