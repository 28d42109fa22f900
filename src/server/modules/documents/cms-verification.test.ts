import fs from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  assertGostEngine,
  makeSigner,
  opensslVerifies,
  signDetached,
  workDir,
  type KeyKind,
  type Signer,
} from '../../../../test/support/openssl-signatures.js';
import { verifyDetachedCms } from './cms-verification.js';

const KINDS: KeyKind[] = ['gost256', 'gost256tca', 'gost512', 'rsa', 'ecdsa'];

describe('verifyDetachedCms against OpenSSL', () => {
  const dir = workDir();
  const file = path.join(dir, 'act.pdf');
  const document = Buffer.from('%PDF-1.7\nАкт выполненных работ № 17 от 01.12.2026\n%%EOF\n');
  const signers = new Map<KeyKind, Signer>();
  const signatures = new Map<KeyKind, Buffer>();

  beforeAll(() => {
    // GOST is what Russian signatures use: a machine without the engine must fail, not skip.
    assertGostEngine();
    fs.writeFileSync(file, document);

    for (const kind of KINDS) {
      const signer = makeSigner(dir, kind, `/CN=Иванов Иван Иванович/O=УК Тест/C=RU`);

      signers.set(kind, signer);
      signatures.set(kind, signDetached(dir, signer, file));
    }
  });

  it.each(KINDS)('should accept a %s signature OpenSSL made and OpenSSL itself accepts', (kind) => {
    const signature = signatures.get(kind)!;

    expect(opensslVerifies(signers.get(kind)!, signature, file, dir)).toBe(true);

    const check = verifyDetachedCms(signature, document);

    expect(check.verdict).toBe('valid');
    expect(check.certificate?.subject).toBe('CN=Иванов Иван Иванович, O=УК Тест, C=RU');
    expect(check.certificate?.issuer).toBe(check.certificate?.subject);
    expect(check.signingTime).not.toBeNull();
    expect(check.algorithm).toMatch(kind.startsWith('gost') ? /ГОСТ Р 34\.10-2012/ : /RSA|ECDSA/);
  });

  it.each(KINDS)('should refuse a %s signature once the document changed by one byte', (kind) => {
    const tampered = Buffer.from(document);

    tampered[10] = tampered[10]! ^ 0x01;

    expect(verifyDetachedCms(signatures.get(kind)!, tampered).verdict).toBe('document_changed');
  });

  it.each(KINDS)('should refuse a %s signature whose signature value was altered', (kind) => {
    const signature = Buffer.from(signatures.get(kind)!);

    // The signature value is the last OCTET STRING of the structure: flip a bit near the end.
    signature[signature.length - 5] = signature[signature.length - 5]! ^ 0x40;

    expect(verifyDetachedCms(signature, document).verdict).toBe('signature_invalid');
  });

  it.each(['gost256', 'rsa', 'ecdsa'] as const)(
    'should refuse a %s signature checked with another person’s certificate',
    (kind) => {
      const bare = signDetached(dir, signers.get(kind)!, file, { withoutCertificate: true });
      const stranger = makeSigner(dir, kind, '/CN=Петров Пётр/C=RU');

      expect(verifyDetachedCms(bare, document).verdict).toBe('certificate_unknown');
      expect(
        verifyDetachedCms(bare, document, { extraCertificate: signers.get(kind)!.certDer }).verdict,
      ).toBe('valid');
      expect(
        verifyDetachedCms(bare, document, { extraCertificate: stranger.certDer }).verdict,
      ).toBe('signature_invalid');
    },
  );

  it('should report an expired certificate although the mathematics holds', () => {
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);

    expect(verifyDetachedCms(signatures.get('gost256')!, document, { now: later }).verdict).toBe(
      'certificate_expired',
    );
  });

  it('should answer malformed input with a verdict, not an exception', () => {
    expect(verifyDetachedCms(Buffer.alloc(0), document).verdict).toBe('malformed');
    expect(verifyDetachedCms(Buffer.from('not a signature'), document).verdict).toBe('malformed');
    expect(verifyDetachedCms(signatures.get('rsa')!.subarray(0, 200), document).verdict).toBe(
      'malformed',
    );
    expect(verifyDetachedCms(signers.get('rsa')!.certDer, document).verdict).toBe('malformed');
  });

  it('should read PEM as well as DER', () => {
    const der = signatures.get('ecdsa')!;
    const pem = `-----BEGIN CMS-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`;

    expect(verifyDetachedCms(Buffer.from(pem), document).verdict).toBe('valid');
  });
});
