import { createHash, timingSafeEqual } from 'node:crypto';

import { certificateState } from '../../../domain/documents/certificate-rules.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from './documents.presenter.js';
import { titleOf } from './certificate-facts.js';
import { findCertificate, linkMac, today } from './certificates.service.js';
import { storedKeyFacts } from './signing-keys.js';

const TOKEN = /^([0-9a-f]{20})\.([0-9a-f]{12})$/;

function invalidLink(): AppError {
  return new AppError('verification_link_invalid');
}

/** The certificate a verification link names, after checking the link's own check part. */
async function certificateOfLink(ctx: AppContext, token: string) {
  const match = TOKEN.exec(token);

  if (!match) {
    throw invalidLink();
  }

  const [, publicId, mac] = match as unknown as [string, string, string];
  const expected = Buffer.from(linkMac(ctx.config, publicId));

  if (!timingSafeEqual(Buffer.from(mac), expected)) {
    throw invalidLink();
  }

  const row = await findCertificate(ctx, { publicId });

  if (!row) {
    throw invalidLink();
  }

  return row;
}

/** What anyone with the link may see: whether it is authentic, current or revoked, and its facts. */
export async function verifyLink(ctx: AppContext, token: string) {
  const row = await certificateOfLink(ctx, token);
  const key = await storedKeyFacts(ctx.db, row.organisationId);

  return {
    number: row.number,
    kind: row.kind,
    title: titleOf(row.kind).ru,
    state: certificateState(row, today()),
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
    organisationName: row.organisationName,
    // The holder's name is on the certificate they chose to show; nothing more is disclosed.
    facts: row.facts,
    sha256: row.sha256,
    signer: key,
  };
}

/** Compares a dropped file with the issued one, byte for byte (by SHA-256). */
export async function checkFile(ctx: AppContext, token: string, bytes: Buffer, locale: Locale) {
  const row = await certificateOfLink(ctx, token);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const unchanged = sha256 === row.sha256;
  const state = certificateState(row, today());
  const message = unchanged
    ? {
        ru: `Файл совпадает со справкой № ${row.number}, выданной ${row.organisationName}`,
        en: `The file is certificate No. ${row.number} exactly as ${row.organisationName} issued it`,
      }
    : {
        ru: `Файл не совпадает со справкой № ${row.number}: он изменён или это другой документ`,
        en: `The file differs from certificate No. ${row.number}: it was changed or is another file`,
      };

  return { unchanged, sha256, expectedSha256: row.sha256, state, message: message[locale] };
}
