import type { Queryable } from '../../platform/db/database.js';

export type SignatureRow = {
  id: string;
  documentId: string;
  versionId: string;
  versionNumber: number;
  method: 'simple' | 'enhanced';
  sha256: string;
  signerUserId: string | null;
  signerName: string;
  signedAt: Date;
  codeChallengeId: string | null;
  stampedFileId: string | null;
  signatureFileId: string | null;
  verdict: string;
  details: unknown;
};

export type SignatureRequestRow = {
  id: string;
  documentId: string;
  versionId: string;
  documentTitle: string;
  documentKind: string;
  organisationId: string;
  organisationName: string;
  signerPersonId: string;
  signerName: string;
  premiseLabel: string | null;
  status: 'pending' | 'signed' | 'declined' | 'cancelled';
  message: string | null;
  declineReason: string | null;
  sentAt: Date;
  decidedAt: Date | null;
};

export async function insertSignature(
  db: Queryable,
  input: Omit<SignatureRow, 'id' | 'versionNumber'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO document_signatures (document_id, version_id, method, sha256, signer_user_id,
       signer_name, signed_at, code_challenge_id, agreement_version, stamped_file_id,
       signature_file_id, verdict, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      input.documentId,
      input.versionId,
      input.method,
      input.sha256,
      input.signerUserId,
      input.signerName,
      input.signedAt,
      input.codeChallengeId,
      input.method === 'simple' ? USER_AGREEMENT_VERSION : null,
      input.stampedFileId,
      input.signatureFileId,
      input.verdict,
      JSON.stringify(input.details),
    ],
  );

  return row!.id;
}

/** The user agreement whose clauses make a ПЭП binding (63-ФЗ ст. 9 ч. 2), accepted at sign-up. */
export const USER_AGREEMENT_VERSION = 'user-agreement/2026-01';

export async function findSignatures(db: Queryable, documentId: string): Promise<SignatureRow[]> {
  return db.query<SignatureRow>(
    `SELECT s.id, s.document_id AS "documentId", s.version_id AS "versionId",
            v.number AS "versionNumber", s.method, s.sha256, s.signer_user_id AS "signerUserId",
            s.signer_name AS "signerName", s.signed_at AS "signedAt",
            s.code_challenge_id AS "codeChallengeId", s.stamped_file_id AS "stampedFileId",
            s.signature_file_id AS "signatureFileId", s.verdict, s.details
     FROM document_signatures s JOIN document_versions v ON v.id = s.version_id
     WHERE s.document_id = $1 ORDER BY s.signed_at`,
    [documentId],
  );
}

const REQUEST_SELECT = `
  SELECT r.id, r.document_id AS "documentId", r.version_id AS "versionId",
         d.title AS "documentTitle", d.kind AS "documentKind",
         r.organisation_id AS "organisationId", o.name AS "organisationName",
         r.signer_person_id AS "signerPersonId",
         concat_ws(' ', pe.surname, pe.name, pe.patronymic) AS "signerName",
         CASE WHEN pr.id IS NULL THEN NULL ELSE h.address || ', ' || pr.number END AS "premiseLabel",
         r.status, r.message, r.decline_reason AS "declineReason", r.sent_at AS "sentAt",
         r.decided_at AS "decidedAt"
  FROM signature_requests r
  JOIN documents d ON d.id = r.document_id
  JOIN organisations o ON o.id = r.organisation_id
  JOIN persons pe ON pe.id = r.signer_person_id
  LEFT JOIN premises pr ON pr.id = r.premise_id
  LEFT JOIN houses h ON h.id = pr.house_id`;

export async function insertRequest(
  db: Queryable,
  input: {
    documentId: string;
    versionId: string;
    organisationId: string;
    signerPersonId: string;
    premiseId: string | null;
    message: string | null;
    sentBy: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO signature_requests (document_id, version_id, organisation_id, signer_person_id,
       premise_id, message, sent_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.documentId,
      input.versionId,
      input.organisationId,
      input.signerPersonId,
      input.premiseId,
      input.message,
      input.sentBy,
      input.isDemo ?? false,
    ],
  );

  return row!.id;
}

export async function findRequest(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SignatureRequestRow | null> {
  const [row] = await db.query<SignatureRequestRow>(
    `${REQUEST_SELECT} WHERE r.id = $1${options.lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );

  return row ?? null;
}

export async function findRequestsOfDocument(db: Queryable, documentId: string) {
  return db.query<SignatureRequestRow>(
    `${REQUEST_SELECT} WHERE r.document_id = $1 ORDER BY r.sent_at`,
    [documentId],
  );
}

export async function searchRequests(
  db: Queryable,
  filter: {
    signerPersonId?: string;
    organisationId?: string;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  return db.query<SignatureRequestRow & { total: number }>(
    `SELECT q.*, count(*) OVER ()::int AS total FROM (${REQUEST_SELECT}
       WHERE ($1::uuid IS NULL OR r.signer_person_id = $1)
         AND ($2::uuid IS NULL OR r.organisation_id = $2)
         AND ($3::text IS NULL OR r.status = $3)) q
     ORDER BY q."sentAt" DESC, q.id LIMIT $4 OFFSET $5`,
    [
      filter.signerPersonId ?? null,
      filter.organisationId ?? null,
      filter.status ?? null,
      filter.limit,
      filter.offset,
    ],
  );
}

export async function closeRequest(
  db: Queryable,
  id: string,
  change: { status: 'signed' | 'declined' | 'cancelled'; signatureId?: string; reason?: string },
): Promise<void> {
  await db.query(
    `UPDATE signature_requests SET status = $2, signature_id = $3, decline_reason = $4,
       decided_at = now() WHERE id = $1`,
    [id, change.status, change.signatureId ?? null, change.reason ?? null],
  );
}
