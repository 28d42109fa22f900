import { createHmac } from 'node:crypto';

import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';

import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { findUserByLogin } from '../identity/identity.repo.js';
import { parseLogin } from '../identity/sessions.service.js';
import {
  findPasskeysOf,
  insertWebauthnChallenge,
  lockPasskeyByCredentialId,
  recordPasskeyUse,
  spendWebauthnChallenge,
} from './passkeys.repo.js';
import { challengeOf, relyingParty, WEBAUTHN_TIMEOUT_MS } from './webauthn-config.js';

/**
 * A stand-in credential id for a login without passkeys (or without an account). It is stable
 * per login, so asking twice gives the same answer and the options never tell whether the
 * account exists.
 */
function decoyCredentialId(secret: string, login: string): string {
  return createHmac('sha256', secret).update(`passkey-decoy:${login}`).digest('base64url');
}

/**
 * Options for `navigator.credentials.get()`. Without a login the browser offers the person's
 * discoverable passkeys for this site; with one, the account's keys are listed.
 */
export async function passkeySignInOptions(ctx: AppContext, login: string | undefined) {
  const { rpID } = relyingParty(ctx.config);
  const parsed = login ? parseLogin(login) : null;
  const user = parsed ? await findUserByLogin(ctx.db, parsed) : undefined;
  const keys = user ? await findPasskeysOf(ctx.db, user.id) : [];
  const allowCredentials =
    keys.length > 0
      ? keys.map((key) => ({
          id: key.credentialId,
          transports: key.transports as AuthenticatorTransportFuture[],
        }))
      : login
        ? [{ id: decoyCredentialId(ctx.config.security.totpEncryptionKey, login.trim()) }]
        : [];

  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials,
    userVerification: 'required',
    timeout: WEBAUTHN_TIMEOUT_MS,
  });

  await insertWebauthnChallenge(ctx.db, {
    purpose: 'authentication',
    challenge: options.challenge,
    userId: keys.length > 0 ? (user?.id ?? null) : null,
    expiresAt: new Date(Date.now() + WEBAUTHN_TIMEOUT_MS),
  });

  return options;
}

function refused(reason: string, cause?: unknown) {
  return new AppError('passkey_invalid', { cause, extra: { reason } });
}

/**
 * Verifies a passkey assertion: a challenge we issued and nobody used, a key we know, a valid
 * signature over this site's data with the user verified, and a signature counter that moved
 * forward (a counter going back means a cloned authenticator). Returns the user to sign in.
 */
export async function verifyPasskeySignIn(
  ctx: AppContext,
  response: AuthenticationResponseJSON,
  requestId: string | null,
): Promise<string> {
  const { rpID, origin } = relyingParty(ctx.config);
  const challenge = challengeOf(response.response.clientDataJSON);
  const issued = challenge
    ? await spendWebauthnChallenge(ctx.db, 'authentication', challenge)
    : undefined;

  if (!challenge || !issued) {
    throw refused('challenge');
  }

  let keyId: string | null = null;

  try {
    return await ctx.db.transaction(async (tx) => {
      const key = await lockPasskeyByCredentialId(tx, response.id);
      keyId = key?.id ?? null;

      if (!key || (issued.userId && issued.userId !== key.userId)) {
        throw refused('unknown_key');
      }

      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
        credential: {
          id: key.credentialId,
          publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
          counter: key.signCount,
          transports: key.transports as AuthenticatorTransportFuture[],
        },
      }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : '';

        throw refused(/counter/i.test(message) ? 'counter' : 'verification', error);
      });

      if (!verification.verified) {
        throw refused('signature');
      }

      const info = verification.authenticationInfo;
      await recordPasskeyUse(tx, key.id, info.newCounter, info.credentialBackedUp);
      await recordAudit(tx, {
        actorUserId: key.userId,
        requestId,
        action: 'session.passkey_sign_in',
        objectType: 'passkey',
        objectId: key.id,
      });

      return key.userId;
    });
  } catch (error) {
    // A counter going back is the one sign of a cloned key; it is journaled although refused.
    if (error instanceof AppError && error.options.extra?.reason === 'counter') {
      await recordAudit(ctx.db, {
        actorUserId: null,
        requestId,
        action: 'passkey.counter_regressed',
        objectType: 'passkey',
        objectId: keyId,
      });
    }

    throw error;
  }
}
