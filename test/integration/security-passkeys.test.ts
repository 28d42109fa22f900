import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { createTestPlatform } from '../support/platform.js';
import { insertUser, signInAs, type SessionClient } from '../support/security-client.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';

const ORIGIN = 'http://localhost:3000';

type SignInOptions = {
  challenge: string;
  allowCredentials?: { id: string }[];
  userVerification?: string;
};
const RP_ID = 'localhost';

describe('security: passkeys with a software authenticator', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  afterAll(async () => {
    await platform.stop();
  });

  const signInOptions = async (login?: string) => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/passkey/options',
      payload: login ? { login } : {},
    });

    expect(response.statusCode).toBe(200);

    return response.json<SignInOptions>();
  };

  const passkeySignIn = (response: unknown) =>
    platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/passkey',
      payload: { response },
    });

  async function registered(): Promise<{
    login: string;
    userId: string;
    session: SessionClient;
    authenticator: SoftwareAuthenticator;
  }> {
    const { login, userId } = await insertUser(platform);
    const session = await signInAs(platform, login);
    const authenticator = new SoftwareAuthenticator(ORIGIN, RP_ID);
    const options = (await session.request('POST', '/api/v1/users/me/passkeys/options')).json();
    const created = await session.request('POST', '/api/v1/users/me/passkeys', {
      response: authenticator.createCredential(options),
      name: 'Мой телефон',
    });

    expect(created.statusCode).toBe(201);

    return { login, userId, session, authenticator };
  }

  it('should register a passkey and sign in with it without a login', async () => {
    const { userId, session, authenticator } = await registered();

    const listed = (await session.request('GET', '/api/v1/users/me/passkeys')).json();

    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      name: 'Мой телефон',
      transports: ['internal'],
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(authenticator.id);

    const options = await signInOptions();
    const withoutBody = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions/passkey/options',
    });

    expect(withoutBody.statusCode).toBe(200);
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');

    const signedIn = await passkeySignIn(authenticator.getAssertion(options));

    expect(signedIn.statusCode).toBe(201);
    expect(signedIn.json().user.id).toBe(userId);
    expect(String(signedIn.headers['set-cookie'])).toContain('HttpOnly');

    const after = (await session.request('GET', '/api/v1/users/me/passkeys')).json().items[0];
    const [stored] = await platform.ctx.db.query<{ signCount: number }>(
      'SELECT sign_count::int AS "signCount" FROM passkeys WHERE user_id = $1',
      [userId],
    );
    const journal = await platform.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE actor_user_id = $1 AND action LIKE '%passkey%'
       ORDER BY seq`,
      [userId],
    );

    expect(after.lastUsedAt).not.toBeNull();
    expect(stored?.signCount).toBe(1);
    expect(journal.map((entry) => entry.action)).toEqual([
      'passkey.registered',
      'session.passkey_sign_in',
    ]);
  });

  it('should list the account’s keys for a login, and a stable decoy for an unknown one', async () => {
    const { login, authenticator } = await registered();

    const known = await signInOptions(login);
    const unknownFirst = await signInOptions('nobody-here@mpdom.test');
    const unknownAgain = await signInOptions('nobody-here@mpdom.test');

    expect(known.allowCredentials?.map((key) => key.id)).toEqual([authenticator.id]);
    expect(unknownFirst.allowCredentials).toHaveLength(1);
    expect(unknownFirst.allowCredentials?.[0]?.id).toBe(unknownAgain.allowCredentials?.[0]?.id);
    expect(unknownFirst.challenge).not.toBe(unknownAgain.challenge);
    expect((await passkeySignIn(authenticator.getAssertion(known))).statusCode).toBe(201);
  });

  it('should refuse a tampered signature and spend the challenge it came with', async () => {
    const { authenticator } = await registered();
    const options = await signInOptions();

    const tampered = await passkeySignIn(authenticator.getAssertion(options, { tamper: true }));

    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().code).toBe('passkey_invalid');
    expect(tampered.headers['set-cookie']).toBeUndefined();

    const sameChallenge = await passkeySignIn(authenticator.getAssertion(options));

    expect(sameChallenge.json()).toMatchObject({ code: 'passkey_invalid', reason: 'challenge' });
    expect(
      (await passkeySignIn(authenticator.getAssertion(await signInOptions()))).statusCode,
    ).toBe(201);
  });

  it('should refuse a replayed assertion and a counter that went back (a cloned key)', async () => {
    const { userId, authenticator } = await registered();
    const genuine = authenticator.getAssertion(await signInOptions());

    expect((await passkeySignIn(genuine)).statusCode).toBe(201);
    expect((await passkeySignIn(genuine)).json().reason).toBe('challenge');

    // A clone of the key made before that sign-in still counts from the old value.
    authenticator.signCount = 0;
    const cloned = await passkeySignIn(authenticator.getAssertion(await signInOptions()));

    expect(cloned.statusCode).toBe(401);
    expect(cloned.json()).toMatchObject({ code: 'passkey_invalid', reason: 'counter' });

    const [alarm] = await platform.ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_entries
       WHERE action = 'passkey.counter_regressed'
         AND object_id IN (SELECT id::text FROM passkeys WHERE user_id = $1)`,
      [userId],
    );

    expect(alarm?.count).toBe(1);
  });

  it('should refuse an assertion made for another site and unknown keys', async () => {
    const { authenticator } = await registered();
    const stranger = new SoftwareAuthenticator(ORIGIN, RP_ID);

    const phished = await passkeySignIn(
      authenticator.getAssertion(await signInOptions(), { origin: 'https://mpdom.example.com' }),
    );
    const unknown = await passkeySignIn(stranger.getAssertion(await signInOptions()));
    const malformed = await passkeySignIn({ id: 'x', type: 'public-key' });

    expect(phished.json().code).toBe('passkey_invalid');
    expect(unknown.json()).toMatchObject({ code: 'passkey_invalid', reason: 'unknown_key' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
  });

  it('should refuse registrations from another origin or with another user’s challenge', async () => {
    const alice = await insertUser(platform);
    const bob = await insertUser(platform);
    const aliceSession = await signInAs(platform, alice.login);
    const bobSession = await signInAs(platform, bob.login);
    const authenticator = new SoftwareAuthenticator(ORIGIN, RP_ID);

    const aliceOptions = (
      await aliceSession.request('POST', '/api/v1/users/me/passkeys/options')
    ).json();
    const stolen = await bobSession.request('POST', '/api/v1/users/me/passkeys', {
      response: authenticator.createCredential(aliceOptions),
    });
    const bobOptions = (
      await bobSession.request('POST', '/api/v1/users/me/passkeys/options')
    ).json();
    const elsewhere = await bobSession.request('POST', '/api/v1/users/me/passkeys', {
      response: authenticator.createCredential(bobOptions, { origin: 'https://evil.example' }),
    });

    expect(stolen.json()).toMatchObject({
      code: 'passkey_registration_failed',
      reason: 'challenge',
    });
    expect(elsewhere.json()).toMatchObject({
      code: 'passkey_registration_failed',
      reason: 'verification',
    });
    expect((await bobSession.request('GET', '/api/v1/users/me/passkeys')).json().total).toBe(0);
  });

  it('should delete only the person’s own passkey, which then no longer signs in', async () => {
    const owner = await registered();
    const other = await registered();
    const [ownerKey] = (await owner.session.request('GET', '/api/v1/users/me/passkeys')).json()
      .items;

    const foreign = await other.session.request(
      'DELETE',
      `/api/v1/users/me/passkeys/${ownerKey.id}`,
    );

    expect(foreign.statusCode).toBe(404);

    const removed = await owner.session.request(
      'DELETE',
      `/api/v1/users/me/passkeys/${ownerKey.id}`,
    );

    expect(removed.statusCode).toBe(204);

    const after = await passkeySignIn(owner.authenticator.getAssertion(await signInOptions()));

    expect(after.json()).toMatchObject({ code: 'passkey_invalid', reason: 'unknown_key' });
  });
});
