import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';

import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { deviceLabel } from './device-label.js';
import {
  deleteOwnPasskey,
  findPasskeysOf,
  insertPasskey,
  insertWebauthnChallenge,
  lockPasskeyByCredentialId,
  spendWebauthnChallenge,
} from './passkeys.repo.js';
import type { ActorMeta } from './security.audit.js';
import { findLoginOf } from './totp.repo.js';
import { challengeOf, relyingParty, RP_NAME, WEBAUTHN_TIMEOUT_MS } from './webauthn-config.js';

/**
 * Options for the browser's `navigator.credentials.create()`. Keys are discoverable (resident),
 * so the person can later sign in without typing a login, and must verify the user (fingerprint,
 * face or device PIN) because a passkey replaces the password.
 */
export async function passkeyRegistrationOptions(
  ctx: AppContext,
  user: { id: string; displayName: string },
) {
  const { rpID } = relyingParty(ctx.config);
  const existing = await findPasskeysOf(ctx.db, user.id);
  const login = await findLoginOf(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: login ?? user.id,
    userID: new TextEncoder().encode(user.id),
    userDisplayName: user.displayName,
    timeout: WEBAUTHN_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    // ES256 and RS256 cover platform authenticators in the field; Ed25519 is rare there.
    supportedAlgorithmIDs: [-7, -257],
  });

  await insertWebauthnChallenge(ctx.db, {
    purpose: 'registration',
    challenge: options.challenge,
    userId: user.id,
    expiresAt: new Date(Date.now() + WEBAUTHN_TIMEOUT_MS),
  });

  return options;
}

function registrationFailed(reason: string) {
  return new AppError('passkey_registration_failed', { extra: { reason } });
}

/** Verifies the browser's answer to the options above and stores the new credential. */
export async function registerPasskey(
  ctx: AppContext,
  meta: ActorMeta & { userAgent: string | null },
  input: { response: RegistrationResponseJSON; name?: string | undefined },
) {
  const { rpID, origin } = relyingParty(ctx.config);
  const challenge = challengeOf(input.response.response.clientDataJSON);

  // Spent outside the transaction below, so a failed verification still uses the challenge up.
  const issued = challenge
    ? await spendWebauthnChallenge(ctx.db, 'registration', challenge)
    : undefined;

  if (!challenge || !issued || issued.userId !== meta.actorUserId) {
    throw registrationFailed('challenge');
  }

  return ctx.db.transaction(async (tx) => {
    const verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      supportedAlgorithmIDs: [-7, -257],
    }).catch((error: unknown) => {
      throw new AppError('passkey_registration_failed', {
        cause: error,
        extra: { reason: 'verification' },
      });
    });

    if (!verification.verified) {
      throw registrationFailed('verification');
    }

    const { credential, credentialBackedUp } = verification.registrationInfo;
    if (await lockPasskeyByCredentialId(tx, credential.id)) {
      throw new AppError('conflict', {
        detail: { ru: 'Этот ключ доступа уже добавлен', en: 'This passkey is already added' },
      });
    }

    const passkey = await insertPasskey(tx, {
      userId: meta.actorUserId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports ?? input.response.response.transports ?? [],
      backedUp: credentialBackedUp,
      name: input.name ?? deviceLabel(meta.userAgent) ?? 'Ключ доступа',
    });

    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'passkey.registered',
      objectType: 'passkey',
      objectId: passkey.id,
      after: { name: passkey.name, transports: passkey.transports, backedUp: passkey.backedUp },
    });

    return passkey;
  });
}

export async function removePasskey(ctx: AppContext, meta: ActorMeta, passkeyId: string) {
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteOwnPasskey(tx, meta.actorUserId, passkeyId);

    if (!removed) {
      throw new AppError('not_found');
    }

    await recordAudit(tx, {
      actorUserId: meta.actorUserId,
      requestId: meta.requestId,
      action: 'passkey.removed',
      objectType: 'passkey',
      objectId: passkeyId,
      before: { name: removed.name },
    });
  });
}
