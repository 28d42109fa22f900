import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

import type { OrganisationKey } from './signing-keys.js';

/**
 * Makes the embedded PDF signature (adbe.pkcs7.detached, SHA-256, the attributes in the order
 * Adobe and the EU DSS validator expect) with the organisation's key. Written instead of the
 * PKCS#12 signer because forge re-encodes a parsed UTF-8 issuer name a second time, so a
 * Cyrillic organisation name would no longer match its own certificate.
 */
export class OrganisationPdfSigner extends Signer {
  constructor(private readonly key: OrganisationKey) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const certificate = forge.pki.certificateFromPem(this.key.certificatePem);
    const privateKey = forge.pki.privateKeyFromPem(this.key.privateKeyPem);
    const p7 = forge.pkcs7.createSignedData();
    const issuer = certificate.issuer.attributes.map((attribute) =>
      (attribute.valueTagClass as unknown) === forge.asn1.Type.UTF8
        ? { ...attribute, value: forge.util.decodeUtf8(String(attribute.value)) }
        : attribute,
    );

    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(certificate);
    p7.addSigner({
      key: privateKey,
      certificate: { ...certificate, issuer: { ...certificate.issuer, attributes: issuer } },
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as never },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });

    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
