import { generateKeyPairSync, randomBytes } from 'node:crypto';

import forge from 'node-forge';

import type { Config } from '../../config.js';
import type { Queryable } from '../../platform/db/database.js';
import { createSecretSealer } from '../security/secret-sealing.js';

export type OrganisationKey = {
  certificatePem: string;
  privateKeyPem: string;
  subject: string;
  serialNumber: string;
  notAfter: Date;
};

const VALIDITY_YEARS = 3;

function sealerOf(config: Pick<Config, 'documents'>) {
  return createSecretSealer(config.documents.certificateKey, 'mpdom/organisation-signing-key/v1');
}

/**
 * A certificate the platform issues to the organisation for signing its certificates (справки).
 * It is not a qualified certificate of an accredited УЦ: readers show the signature as intact
 * and made by this organisation's key, and the public verification page is what vouches for it.
 */
function issue(name: string, inn: string | null) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem);
  const cert = forge.pki.createCertificate();
  const now = new Date();

  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  // A positive serial without a leading zero byte, so it reads back as it was written.
  const serial = randomBytes(16);

  serial[0] = (serial[0]! & 0x7f) | 0x10;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALIDITY_YEARS);

  const attributes = [
    { shortName: 'CN', value: name.slice(0, 64) },
    { shortName: 'O', value: name.slice(0, 64) },
    { shortName: 'OU', value: 'Справки МП-дом' },
    { shortName: 'C', value: 'RU' },
  ];

  // Tagged UTF8String, forge encodes the Cyrillic itself.
  const dn = attributes.map((a) => ({
    ...a,
    // The typings call it a Class; forge takes the universal type number here.
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  }));

  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
    ...(inn ? [{ name: 'subjectAltName', altNames: [{ type: 6, value: `urn:inn:${inn}` }] }] : []),
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());

  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem,
    notAfter: cert.validity.notAfter,
  };
}

function unpack(certificatePem: string, privateKeyPem: string): OrganisationKey {
  const cert = forge.pki.certificateFromPem(certificatePem);

  return {
    certificatePem,
    privateKeyPem,
    subject: cert.subject.attributes
      .map((a) => `${a.shortName}=${forge.util.decodeUtf8(String(a.value))}`)
      .join(', '),
    serialNumber: cert.serialNumber,
    notAfter: cert.validity.notAfter,
  };
}

/**
 * The organisation's signing key, made on first use and kept sealed (AES-256-GCM under
 * CERTIFICATE_KEY); a key within 30 days of expiry is replaced by a fresh one.
 */
export async function organisationKey(
  db: Queryable,
  config: Pick<Config, 'documents'>,
  organisation: { id: string; name: string; inn: string | null },
): Promise<OrganisationKey> {
  const sealer = sealerOf(config);
  const [row] = await db.query<{ certificatePem: string; sealed: string; notAfter: Date }>(
    `SELECT certificate_pem AS "certificatePem", sealed_private_key AS sealed,
            not_after AS "notAfter"
     FROM organisation_signing_keys WHERE organisation_id = $1`,
    [organisation.id],
  );
  const soon = new Date(Date.now() + 30 * 24 * 3600 * 1000);

  if (row && row.notAfter > soon) {
    return unpack(row.certificatePem, sealer.unseal(row.sealed));
  }

  const fresh = issue(organisation.name, organisation.inn);

  await db.query(
    `INSERT INTO organisation_signing_keys
       (organisation_id, certificate_pem, sealed_private_key, not_after)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id) DO UPDATE SET certificate_pem = EXCLUDED.certificate_pem,
       sealed_private_key = EXCLUDED.sealed_private_key, not_after = EXCLUDED.not_after,
       created_at = now()`,
    [organisation.id, fresh.certificatePem, sealer.seal(fresh.privateKeyPem), fresh.notAfter],
  );

  return unpack(fresh.certificatePem, fresh.privateKeyPem);
}

/** The certificate facts of the organisation's stored key, for the public page (no private key). */
export async function storedKeyFacts(db: Queryable, organisationId: string) {
  const [row] = await db.query<{ certificatePem: string }>(
    'SELECT certificate_pem AS "certificatePem" FROM organisation_signing_keys WHERE organisation_id = $1',
    [organisationId],
  );

  if (!row) {
    return { subject: '', serialNumber: '', notAfter: '' };
  }

  const cert = forge.pki.certificateFromPem(row.certificatePem);

  return {
    subject: cert.subject.attributes
      .map((a) => `${a.shortName}=${forge.util.decodeUtf8(String(a.value))}`)
      .join(', '),
    serialNumber: cert.serialNumber,
    notAfter: cert.validity.notAfter.toISOString(),
  };
}
