import { createHash, createPublicKey, constants, verify as verifyNode } from 'node:crypto';

import * as asn1js from 'asn1js';
import type { SignerInfo } from 'pkijs';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData } from 'pkijs';

import { GOST_CURVES, gostPublicKey, verifyGost } from '../../../domain/documents/gost3410.js';
import {
  describeName,
  type CertificateFacts,
} from '../../../domain/documents/signature-verdict.js';
import type { SignatureVerdict } from '../../../domain/documents/signature-verdict.js';
import { streebog } from './streebog.js';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  gost256: '1.2.643.7.1.1.1.1',
  gost512: '1.2.643.7.1.1.1.2',
} as const;

/** Digest algorithms by OID: a node hash name, or a Стрибог length. */
const DIGESTS: Record<string, { label: string; node?: string; streebog?: 256 | 512 }> = {
  '1.3.14.3.2.26': { label: 'SHA-1', node: 'sha1' },
  '2.16.840.1.101.3.4.2.1': { label: 'SHA-256', node: 'sha256' },
  '2.16.840.1.101.3.4.2.2': { label: 'SHA-384', node: 'sha384' },
  '2.16.840.1.101.3.4.2.3': { label: 'SHA-512', node: 'sha512' },
  '1.2.643.7.1.1.2.2': { label: 'ГОСТ Р 34.11-2012 (256)', streebog: 256 },
  '1.2.643.7.1.1.2.3': { label: 'ГОСТ Р 34.11-2012 (512)', streebog: 512 },
};

export type CmsCheck = {
  verdict: SignatureVerdict;
  algorithm: string | null;
  digestAlgorithm: string | null;
  signingTime: string | null;
  certificate: CertificateFacts | null;
};

function digestOf(oid: string, data: Uint8Array): Uint8Array | null {
  const spec = DIGESTS[oid];

  if (!spec) {
    return null;
  }

  return spec.streebog
    ? streebog(spec.streebog, data)
    : new Uint8Array(createHash(spec.node!).update(data).digest());
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function factsOf(certificate: Certificate): CertificateFacts {
  return {
    subject: describeName(certificate.subject.typesAndValues.map(typeAndValue)),
    issuer: describeName(certificate.issuer.typesAndValues.map(typeAndValue)),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
  };
}

function typeAndValue(item: { type: string; value: { valueBlock: { value: unknown } } }) {
  return { type: item.type, value: String(item.value.valueBlock.value) };
}

function matches(signer: SignerInfo, certificate: Certificate): boolean {
  if (signer.sid instanceof IssuerAndSerialNumber) {
    return (
      signer.sid.issuer.isEqual(certificate.issuer) &&
      signer.sid.serialNumber.isEqual(certificate.serialNumber)
    );
  }

  const keyId = certificate.extensions?.find((e) => e.extnID === '2.5.29.14');
  const own = keyId?.parsedValue as asn1js.OctetString | undefined;
  const wanted = (signer.sid as asn1js.OctetString).valueBlock?.valueHexView;

  return Boolean(own && wanted && equalBytes(own.valueBlock.valueHexView, wanted));
}

/** Verifies the signer's signature value over `data` with the certificate's public key. */
function verifyValue(
  certificate: Certificate,
  signer: SignerInfo,
  data: Uint8Array,
  digestOid: string,
): { ok: boolean; algorithm: string } {
  const spki = certificate.subjectPublicKeyInfo;
  const keyOid = spki.algorithm.algorithmId;
  const signature = new Uint8Array(signer.signature.valueBlock.valueHexView);

  if (keyOid === OID.gost256 || keyOid === OID.gost512) {
    const params = spki.algorithm.algorithmParams as asn1js.Sequence;
    const paramSet = (params.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
    const curve = GOST_CURVES[paramSet];

    if (!curve) {
      throw new CmsUnsupported(`GOST parameter set ${paramSet}`);
    }

    const inner = asn1js.fromBER(spki.subjectPublicKey.valueBlock.valueHexView).result;
    const raw = new Uint8Array((inner as asn1js.OctetString).valueBlock.valueHexView);
    const key = gostPublicKey(curve, raw);
    const digest = digestOf(digestOid, data);

    return {
      ok: digest !== null && verifyGost(key, digest, signature),
      algorithm: `ГОСТ Р 34.10-2012 (${curve.size * 8}), ${curve.name}`,
    };
  }

  const hash = DIGESTS[digestOid]?.node;

  if (
    !hash ||
    (keyOid !== OID.rsaEncryption && keyOid !== OID.ecPublicKey && keyOid !== OID.rsaPss)
  ) {
    throw new CmsUnsupported(`key algorithm ${keyOid}`);
  }

  const key = createPublicKey({
    key: Buffer.from(spki.toSchema().toBER()),
    format: 'der',
    type: 'spki',
  });
  const pss = signer.signatureAlgorithm.algorithmId === OID.rsaPss;
  const ok = verifyNode(
    hash,
    data,
    pss
      ? {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_AUTO,
        }
      : key,
    signature,
  );
  const label = keyOid === OID.ecPublicKey ? 'ECDSA' : pss ? 'RSA-PSS' : 'RSA';

  return { ok, algorithm: `${label} / ${DIGESTS[digestOid]!.label}` };
}

export class CmsUnsupported extends Error {
  override name = 'CmsUnsupported';
}

/**
 * Checks a detached CMS (CAdES-BES) signature over `document`. The certificate is taken from the
 * signature, or from `extraCertificate` (DER) when the signature carries none. Returns a verdict,
 * never throws for a bad signature; a malformed or unsupported file gives `malformed`/`unsupported`.
 */
export function verifyDetachedCms(
  signatureBytes: Uint8Array,
  document: Uint8Array,
  options: { now?: Date; extraCertificate?: Uint8Array } = {},
): CmsCheck {
  const empty = { algorithm: null, digestAlgorithm: null, signingTime: null, certificate: null };
  let signed: SignedData;

  try {
    const parsed = asn1js.fromBER(unwrapPem(signatureBytes));

    if (parsed.offset === -1) {
      return { ...empty, verdict: 'malformed' };
    }

    const info = new ContentInfo({ schema: parsed.result });

    if (info.contentType !== OID.signedData) {
      return { ...empty, verdict: 'malformed' };
    }

    signed = new SignedData({ schema: info.content });
  } catch {
    return { ...empty, verdict: 'malformed' };
  }

  const signer = signed.signerInfos[0];

  if (!signer || signed.encapContentInfo.eContent) {
    // An attached signature carries its own content; this check is for detached ones.
    return { ...empty, verdict: signer ? 'not_detached' : 'malformed' };
  }

  const candidates = (signed.certificates ?? []).filter((c) => c instanceof Certificate);

  if (options.extraCertificate) {
    try {
      candidates.push(Certificate.fromBER(unwrapPem(options.extraCertificate)));
    } catch {
      return { ...empty, verdict: 'malformed' };
    }
  }

  const certificate = candidates.find((c) => matches(signer, c)) ?? candidates[0];

  if (!certificate) {
    return { ...empty, verdict: 'certificate_unknown' };
  }

  const facts = factsOf(certificate);
  const digestOid = signer.digestAlgorithm.algorithmId;
  const digestAlgorithm = DIGESTS[digestOid]?.label ?? null;
  const digest = digestOf(digestOid, document);
  let signingTime: string | null = null;
  let data = document;

  if (!digest) {
    return { ...empty, certificate: facts, verdict: 'unsupported' };
  }

  if (signer.signedAttrs) {
    const attributes = signer.signedAttrs.attributes;
    const messageDigest = attributes.find((a) => a.type === OID.messageDigest);
    const time = attributes.find((a) => a.type === OID.signingTime)?.values[0] as
      asn1js.UTCTime | undefined;

    signingTime = time?.toDate().toISOString() ?? null;

    const stated = (messageDigest?.values[0] as asn1js.OctetString | undefined)?.valueBlock
      .valueHexView;

    if (!stated || !equalBytes(new Uint8Array(stated), digest)) {
      return {
        algorithm: null,
        digestAlgorithm,
        signingTime,
        certificate: facts,
        verdict: 'document_changed',
      };
    }

    // The signature covers the DER of the attributes as a SET, not as the [0] they are tagged.
    const encoded = new Uint8Array(signer.signedAttrs.encodedValue);

    data = Uint8Array.from(encoded);
    data[0] = 0x31;
  }

  let outcome: { ok: boolean; algorithm: string };

  try {
    outcome = verifyValue(certificate, signer, data, digestOid);
  } catch (error) {
    return {
      algorithm: null,
      digestAlgorithm,
      signingTime,
      certificate: facts,
      verdict: error instanceof CmsUnsupported ? 'unsupported' : 'malformed',
    };
  }

  const at = signingTime ? new Date(signingTime) : (options.now ?? new Date());
  const now = options.now ?? new Date();
  const expired = now > certificate.notAfter.value || at > certificate.notAfter.value;
  const early = at < certificate.notBefore.value;
  let verdict: SignatureVerdict = 'valid';

  if (!outcome.ok) {
    verdict = signer.signedAttrs ? 'signature_invalid' : 'document_changed';
  } else if (expired) {
    verdict = 'certificate_expired';
  } else if (early) {
    verdict = 'certificate_not_yet_valid';
  }

  return {
    verdict,
    algorithm: outcome.algorithm,
    digestAlgorithm,
    signingTime,
    certificate: facts,
  };
}

/** Accepts PEM (`-----BEGIN CMS-----`, `PKCS7`, `CERTIFICATE`) as well as DER. */
function unwrapPem(bytes: Uint8Array): ArrayBuffer {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');

  if (head.includes('-----BEGIN')) {
    const text = Buffer.from(bytes).toString('latin1');
    const body = text.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, '');
    const der = Buffer.from(body, 'base64');

    return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength);
  }

  return Uint8Array.from(bytes).buffer;
}
