import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Keys, certificates and detached CMS signatures made by the system's OpenSSL (and its GOST
 * engine, Debian's libengine-gost-openssl), so the platform's verifier is checked against an
 * independent implementation. Everything is written to a fresh temporary directory.
 */
export type KeyKind = 'rsa' | 'ecdsa' | 'gost256' | 'gost256tca' | 'gost512';

export type Signer = { kind: KeyKind; key: string; cert: string; certDer: Buffer };

const GOST = ['-engine', 'gost'];

function run(args: string[]): Buffer {
  return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Throws a plain message when OpenSSL has no GOST engine: CI installs it, so it must be there. */
export function assertGostEngine(): void {
  try {
    run(['engine', 'gost', '-t']);
  } catch (error) {
    throw new Error(
      'OpenSSL has no GOST engine: install the Debian package libengine-gost-openssl ' +
        `(.ci/run does). ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export function workDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-cms-'));
}

const KEYGEN: Record<KeyKind, string[]> = {
  rsa: ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  ecdsa: ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  gost256: [...GOST, '-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A'],
  gost256tca: [...GOST, '-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:TCA'],
  gost512: [...GOST, '-algorithm', 'gost2012_512', '-pkeyopt', 'paramset:A'],
};

const DIGEST: Record<KeyKind, string> = {
  rsa: 'sha256',
  ecdsa: 'sha256',
  gost256: 'md_gost12_256',
  gost256tca: 'md_gost12_256',
  gost512: 'md_gost12_512',
};

const isGost = (kind: KeyKind) => kind.startsWith('gost');

/** A key and a self-signed certificate for `subject` (an OpenSSL `/CN=…/O=…` string). */
export function makeSigner(dir: string, kind: KeyKind, subject: string, days = 30): Signer {
  const id = `${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const key = path.join(dir, `${id}.key`);
  const cert = path.join(dir, `${id}.crt`);
  const keygen = KEYGEN[kind];

  run(isGost(kind) ? ['genpkey', ...keygen, '-out', key] : [...keygen, '-out', key]);
  run([
    'req',
    ...(isGost(kind) ? GOST : []),
    '-x509',
    '-new',
    '-utf8',
    '-key',
    key,
    `-${DIGEST[kind]}`,
    '-subj',
    subject,
    '-days',
    String(days),
    '-out',
    cert,
  ]);

  const certDer = run(['x509', '-in', cert, '-outform', 'DER']);

  return { kind, key, cert, certDer };
}

/** A detached CAdES-BES-style CMS signature (DER) of `file`, optionally without the certificate. */
export function signDetached(
  dir: string,
  signer: Signer,
  file: string,
  options: { withoutCertificate?: boolean } = {},
): Buffer {
  const out = path.join(dir, `${path.basename(file)}.${signer.kind}.p7s`);

  run([
    'cms',
    ...(isGost(signer.kind) ? GOST : []),
    '-sign',
    '-binary',
    '-in',
    file,
    '-signer',
    signer.cert,
    '-inkey',
    signer.key,
    '-md',
    DIGEST[signer.kind],
    ...(options.withoutCertificate ? ['-nocerts'] : []),
    '-outform',
    'DER',
    '-out',
    out,
  ]);

  return fs.readFileSync(out);
}

/** OpenSSL's own verdict on a detached signature, to cross-check the platform's. */
export function opensslVerifies(signer: Signer, signature: Buffer, file: string, dir: string) {
  const sig = path.join(dir, `check-${Math.random().toString(36).slice(2)}.p7s`);

  fs.writeFileSync(sig, signature);

  try {
    run([
      'cms',
      ...(isGost(signer.kind) ? GOST : []),
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      file,
      '-noverify',
      '-out',
      '/dev/null',
    ]);

    return true;
  } catch {
    return false;
  }
}
