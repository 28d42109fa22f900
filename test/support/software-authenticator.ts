import {
  createHash,
  createSign,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

import { encode as encodeCbor } from 'cborg';

/**
 * A platform authenticator in software, for tests: a real P-256 key pair, real CBOR attestation
 * objects ('none' format) and real ECDSA assertions, so the server's WebAuthn verification runs
 * exactly as it does for a phone's fingerprint sensor. Nothing here is mocked on the server.
 */

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };

// Canonical CBOR as authenticators write it: minimal length headers, plain maps (cborg encodes
// a Map with its integer COSE keys as a plain CBOR map), byte strings for Uint8Array.
const encode = (value: unknown): Buffer => Buffer.from(encodeCbor(value));

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);

  return buffer;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private userHandle: string | null = null;
  /** The signature counter; tests may set it to simulate a cloned authenticator. */
  signCount = 0;

  constructor(
    readonly origin: string,
    readonly rpId: string,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private rpIdHash(): Buffer {
    return createHash('sha256').update(this.rpId).digest();
  }

  /** The COSE_Key (RFC 9053) of the public key: EC2, ES256, P-256. */
  private coseKey(): Buffer {
    const jwk = this.publicKey.export({ format: 'jwk' });

    return encode(
      new Map<number, number | Buffer>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** What `navigator.credentials.create()` answers, serialised like @simplewebauthn/browser. */
  createCredential(options: CreationOptions, overrides: { origin?: string } = {}) {
    this.userHandle = options.user.id;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.rpIdHash(),
      Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_DATA]),
      uint32(this.signCount),
      Buffer.alloc(16),
      idLength,
      this.credentialId,
      this.coseKey(),
    ]);
    const attestationObject = encode({ fmt: 'none', attStmt: {}, authData });
    const clientDataJSON = this.clientData(
      'webauthn.create',
      options.challenge,
      overrides.origin ?? this.origin,
    );

    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * What `navigator.credentials.get()` answers. Each assertion moves the counter on, as real
   * authenticators do; `tamper` flips a bit of the signature.
   */
  getAssertion(options: RequestOptions, overrides: { tamper?: boolean; origin?: string } = {}) {
    this.signCount += 1;
    const authData = Buffer.concat([
      this.rpIdHash(),
      Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED]),
      uint32(this.signCount),
    ]);
    const clientDataJSON = this.clientData(
      'webauthn.get',
      options.challenge,
      overrides.origin ?? this.origin,
    );
    const signer = createSign('sha256');
    signer.update(Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]));
    const signature = signer.sign(this.privateKey);

    if (overrides.tamper) {
      signature[signature.length - 1]! ^= 0x01;
    }

    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
