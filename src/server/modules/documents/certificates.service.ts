import { createHmac, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

import {
  certificateNumber,
  certificateState,
  validUntil,
  type CertificateKind,
} from '../../../domain/documents/certificate-rules.js';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import type { StoredFile } from '../../platform/files/files.repo.js';
import type { Acting } from '../house-register/acting.js';
import { certificateBasis, titleOf } from './certificate-facts.js';
import { signedCertificatePdf } from './certificate-pdf.js';
import { visibilityOf } from './document-access.js';
import { signedIn } from './documents.service.js';
import { organisationKey } from './signing-keys.js';

export type CertificateRow = {
  id: string;
  kind: CertificateKind;
  number: string;
  personId: string;
  premiseId: string;
  organisationId: string;
  organisationName: string;
  premiseLabel: string;
  facts: { label: string; value: string }[];
  fileId: string;
  sha256: string;
  publicId: string;
  issuedAt: Date;
  validUntil: string;
  revokedAt: Date | null;
  revokeReason: string | null;
};

const SELECT = `
  SELECT c.id, c.kind, c.number, c.person_id AS "personId", c.premise_id AS "premiseId",
         c.organisation_id AS "organisationId", o.name AS "organisationName",
         h.address || ', ' || p.number AS "premiseLabel", c.facts, c.file_id AS "fileId",
         c.sha256, c.public_id AS "publicId", c.issued_at AS "issuedAt",
         to_char(c.valid_until, 'YYYY-MM-DD') AS "validUntil", c.revoked_at AS "revokedAt",
         c.revoke_reason AS "revokeReason"
  FROM issued_certificates c
  JOIN organisations o ON o.id = c.organisation_id
  JOIN premises p ON p.id = c.premise_id
  JOIN houses h ON h.id = p.house_id`;

export async function findCertificate(ctx: AppContext, by: { id: string } | { publicId: string }) {
  const [row] = await ctx.db.query<CertificateRow>(
    'id' in by ? `${SELECT} WHERE c.id = $1` : `${SELECT} WHERE c.public_id = $1`,
    ['id' in by ? by.id : by.publicId],
  );

  return row ?? null;
}

/** The check part of a verification link: a keyed hash, so an altered id is told apart. */
export function linkMac(config: Pick<Config, 'documents'>, publicId: string): string {
  return createHmac('sha256', config.documents.certificateKey)
    .update(`certificate-link:${publicId}`)
    .digest('hex')
    .slice(0, 12);
}

export function verificationUrl(config: Pick<Config, 'documents' | 'http'>, publicId: string) {
  const base = (config.http.publicUrl ?? `http://localhost:${config.http.port}`).replace(/\/$/, '');

  return `${base}/verify/${publicId}.${linkMac(config, publicId)}`;
}

export function presentCertificate(ctx: AppContext, row: CertificateRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row.kind).ru,
    number: row.number,
    premiseLabel: row.premiseLabel,
    organisationName: row.organisationName,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    state: certificateState(row, today()),
    revokeReason: row.revokeReason,
    verificationUrl: verificationUrl(ctx.config, row.publicId),
    sha256: row.sha256,
  };
}

export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
}

/**
 * Issues a certificate the owner asked for: the facts are read now, the PDF is rendered, signed
 * with the managing organisation's key and stored; the public id goes into the QR link.
 */
export async function requestCertificate(
  ctx: AppContext,
  acting: Acting,
  input: { kind: CertificateKind; premiseId: string },
) {
  const user = signedIn(acting);
  const issuedOn = today();
  const basis = await certificateBasis(
    ctx.db,
    input.kind,
    user.personId,
    input.premiseId,
    issuedOn,
  );
  const key = await organisationKey(ctx.db, ctx.config, basis.organisation);
  // Hex only: a link that wraps on paper or passes through a hyphenating reader stays whole.
  const publicId = randomBytes(10).toString('hex');
  const issuedAt = new Date();
  const until = validUntil(input.kind, issuedOn);

  const id = await ctx.db.transaction(async (tx) => {
    // Numbers run without gaps per kind and year: one issuer at a time takes the next.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('issued_certificates.number'))`);

    const [count] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM issued_certificates
       WHERE kind = $1 AND date_part('year', issued_at) = $2`,
      [input.kind, issuedAt.getUTCFullYear()],
    );
    const number = certificateNumber(input.kind, issuedAt.getUTCFullYear(), count!.n + 1);
    const pdf = await signedCertificatePdf(
      {
        title: titleOf(input.kind).ru,
        number,
        issuedAt,
        validUntil: until,
        organisation: basis.organisation,
        facts: basis.facts,
        statement: basis.statement,
        verificationUrl: verificationUrl(ctx.config, publicId),
      },
      key,
    );
    const file = await storeUpload(
      ctx,
      {
        body: pdf,
        originalName: `${number}.pdf`,
        allowed: ['pdf'],
        maxBytes: pdf.length + 1,
        uploadedBy: user.id,
      },
      tx,
    );
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO issued_certificates (kind, number, person_id, premise_id, personal_account_id,
         organisation_id, facts, file_id, sha256, public_id, issued_by, issued_at, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        input.kind,
        number,
        user.personId,
        basis.premiseId,
        basis.personalAccountId,
        basis.organisation.id,
        JSON.stringify(basis.facts),
        file.id,
        file.sha256,
        publicId,
        user.id,
        issuedAt,
        until,
      ],
    );

    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'certificate.issued',
      objectType: 'certificate',
      objectId: row!.id,
      requestId: acting.requestId,
      after: { kind: input.kind, number, premiseId: basis.premiseId, sha256: file.sha256 },
    });

    return row!.id;
  });

  return presentCertificate(ctx, (await findCertificate(ctx, { id }))!);
}

export async function myCertificates(ctx: AppContext, acting: Acting) {
  const user = signedIn(acting);
  const rows = await ctx.db.query<CertificateRow>(
    `${SELECT} WHERE c.person_id = $1 ORDER BY c.issued_at DESC LIMIT 200`,
    [user.personId],
  );

  return rows.map((row) => presentCertificate(ctx, row));
}

export async function organisationCertificates(ctx: AppContext, acting: Acting, orgId: string) {
  const who = await visibilityOf(ctx.db, signedIn(acting));

  if (!who.organisationIds.includes(orgId)) {
    throw new AppError('forbidden');
  }

  const rows = await ctx.db.query<CertificateRow>(
    `${SELECT} WHERE c.organisation_id = $1 ORDER BY c.issued_at DESC LIMIT 200`,
    [orgId],
  );

  return rows.map((row) => presentCertificate(ctx, row));
}

/** The certificate's holder or the issuing organisation's staff; anyone else: `not_found`. */
async function accessibleCertificate(ctx: AppContext, acting: Acting, id: string, office = false) {
  const user = signedIn(acting);
  const [row, who] = await Promise.all([findCertificate(ctx, { id }), visibilityOf(ctx.db, user)]);
  const staff = office ? who.officeOrganisationIds : who.organisationIds;
  const allowed =
    row && (staff.includes(row.organisationId) || (!office && row.personId === user.personId));

  if (!allowed) {
    throw new AppError('not_found', {
      detail: { ru: 'Справка не найдена', en: 'No such certificate' },
    });
  }

  return { row, user };
}

export async function openCertificate(
  ctx: AppContext,
  acting: Acting,
  id: string,
): Promise<{ file: StoredFile; stream: Readable }> {
  const { row } = await accessibleCertificate(ctx, acting, id);
  const file = await getStoredFile(ctx, row.fileId);

  return { file, stream: await openStoredFile(ctx, file) };
}

/** The issuing organisation withdraws a certificate; the public page says so from then on. */
export async function revokeCertificate(
  ctx: AppContext,
  acting: Acting,
  id: string,
  reason: string,
) {
  const { row, user } = await accessibleCertificate(ctx, acting, id, true);

  if (row.revokedAt) {
    throw new AppError('certificate_revoked');
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE issued_certificates SET revoked_at = now(), revoked_by = $2, revoke_reason = $3
       WHERE id = $1 AND revoked_at IS NULL`,
      [id, user.id, reason],
    );
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'certificate.revoked',
      objectType: 'certificate',
      objectId: id,
      requestId: acting.requestId,
      after: { reason },
    });
  });

  return presentCertificate(ctx, (await findCertificate(ctx, { id }))!);
}
