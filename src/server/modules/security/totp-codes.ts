import { generateSecret, generateURI, verify } from 'otplib';

import type { Config } from '../../config.js';
import type { Queryable } from '../../platform/db/database.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { createSecretSealer, type SecretSealer } from './secret-sealing.js';
import { advanceTimeStep, spendRecoveryCode, type TotpRow } from './totp.repo.js';

export const TOTP_ISSUER = 'МП-дом';

// One 30-second step either side: phones drift, and a code typed at the end of its step arrives
// in the next one. Wider windows only help a guesser.
const TOLERANCE_SECONDS = 30;

const sealers = new Map<string, SecretSealer>();

/** The sealer for the configured key; HKDF runs once per key, not per request. */
export function sealerFor(config: Pick<Config, 'security'>): SecretSealer {
  const key = config.security.totpEncryptionKey;
  let sealer = sealers.get(key);

  if (!sealer) {
    sealer = createSecretSealer(key);
    sealers.set(key, sealer);
  }

  return sealer;
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, login: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: login, secret });
}

export type CodeVerdict = 'ok' | 'invalid' | 'used';

/**
 * Checks an app code against the stored secret and spends it: a code accepted once, or any code
 * of an earlier time step, is refused as used.
 */
export async function spendTotpCode(
  db: Queryable,
  sealer: SecretSealer,
  row: TotpRow,
  code: string,
): Promise<CodeVerdict> {
  if (!/^\d{6}$/.test(code)) {
    return 'invalid';
  }

  const result = await verify({
    secret: sealer.unseal(row.secretSealed),
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
  });

  // The functional API also speaks HOTP; a TOTP answer is the one carrying a time step.
  if (!result.valid || !('timeStep' in result)) {
    return 'invalid';
  }

  return (await advanceTimeStep(db, row.userId, result.timeStep)) ? 'ok' : 'used';
}

/** Either factor a person may give: a code from the app, or one of their recovery codes. */
export async function spendSecondFactor(
  db: Queryable,
  sealer: SecretSealer,
  row: TotpRow,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<CodeVerdict> {
  if (input.code !== undefined) {
    return spendTotpCode(db, sealer, row, input.code);
  }

  if (input.recoveryCode !== undefined) {
    const spent = await spendRecoveryCode(db, row.userId, hashRecoveryCode(input.recoveryCode));

    return spent ? 'ok' : 'invalid';
  }

  return 'invalid';
}
