import type { Mismatch } from '../../../domain/property-claims/reconcile.js';
import type { Queryable } from '../../platform/db/database.js';
import type { ClaimStatus, RegistryFacts } from './property-claims.schema.js';

export type ClaimRow = {
  id: string;
  userId: string;
  personId: string;
  houseId: string;
  houseAddress: string;
  premiseNumber: string;
  premiseKind: string;
  cadastralNumber: string;
  area: string;
  shareNumerator: number;
  shareDenominator: number;
  titleKind: string;
  titleNumber: string | null;
  titleDate: string | null;
  status: ClaimStatus;
  mismatches: Mismatch[];
  registrySnapshot: RegistryFacts | null;
  routedOrganisationId: string | null;
  routedOrganisationName: string | null;
  premiseId: string | null;
  ownershipId: string | null;
  decidedByUserId: string | null;
  decidedAt: Date | string | null;
  decisionReason: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export type ClaimFileRow = {
  claimId: string;
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
};

export type NewClaim = Pick<
  ClaimRow,
  | 'userId'
  | 'personId'
  | 'houseId'
  | 'premiseNumber'
  | 'premiseKind'
  | 'cadastralNumber'
  | 'area'
  | 'shareNumerator'
  | 'shareDenominator'
  | 'titleKind'
  | 'titleNumber'
  | 'titleDate'
  | 'status'
  | 'mismatches'
  | 'registrySnapshot'
  | 'routedOrganisationId'
>;

const SELECT = `
  SELECT c.id, c.user_id AS "userId", c.person_id AS "personId", c.house_id AS "houseId",
         h.address AS "houseAddress", c.premise_number AS "premiseNumber",
         c.premise_kind AS "premiseKind", c.cadastral_number AS "cadastralNumber",
         c.area::text AS area, c.share_numerator AS "shareNumerator",
         c.share_denominator AS "shareDenominator", c.title_kind AS "titleKind",
         c.title_number AS "titleNumber", to_char(c.title_date, 'YYYY-MM-DD') AS "titleDate",
         c.status, c.mismatches, c.registry_snapshot AS "registrySnapshot",
         c.routed_organisation_id AS "routedOrganisationId", o.name AS "routedOrganisationName",
         c.premise_id AS "premiseId", c.ownership_id AS "ownershipId",
         c.decided_by_user_id AS "decidedByUserId", c.decided_at AS "decidedAt",
         c.decision_reason AS "decisionReason", c.created_at AS "createdAt",
         c.updated_at AS "updatedAt"
  FROM property_claims c
  JOIN houses h ON h.id = c.house_id
  LEFT JOIN organisations o ON o.id = c.routed_organisation_id`;

export async function findClaim(db: Queryable, id: string): Promise<ClaimRow | null> {
  const [row] = await db.query<ClaimRow>(`${SELECT} WHERE c.id = $1`, [id]);

  return row ?? null;
}

/** The claim, locked until the transaction ends, so two decisions cannot both pass the check. */
export async function lockClaim(tx: Queryable, id: string): Promise<ClaimRow | null> {
  await tx.query('SELECT id FROM property_claims WHERE id = $1 FOR UPDATE', [id]);

  return findClaim(tx, id);
}

export async function listClaimsOfPerson(
  db: Queryable,
  personId: string,
  page: { limit: number; offset: number },
) {
  const items = await db.query<ClaimRow>(
    `${SELECT} WHERE c.person_id = $1 ORDER BY c.created_at DESC, c.id LIMIT $2 OFFSET $3`,
    [personId, page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM property_claims WHERE person_id = $1',
    [personId],
  );

  return { items, total: count?.total ?? 0 };
}

/** An organisation's queue: the oldest first, since a queue is worked from its head. */
export async function listQueue(
  db: Queryable,
  organisationId: string,
  status: ClaimStatus,
  page: { limit: number; offset: number },
) {
  const items = await db.query<ClaimRow & { claimantName: string; assuranceLevel: string | null }>(
    `SELECT q.*, concat_ws(' ', p.surname, p.name, p.patronymic) AS "claimantName",
            a.level AS "assuranceLevel"
     FROM (${SELECT} WHERE c.routed_organisation_id = $1 AND c.status = $2) q
     JOIN persons p ON p.id = q."personId"
     LEFT JOIN identity_assurances a ON a.user_id = q."userId"
     ORDER BY q."createdAt", q.id LIMIT $3 OFFSET $4`,
    [organisationId, status, page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM property_claims
     WHERE routed_organisation_id = $1 AND status = $2`,
    [organisationId, status],
  );

  return { items, total: count?.total ?? 0 };
}

export async function countConflicts(db: Queryable, organisationIds: string[]) {
  const rows = await db.query<{ organisationId: string; conflicts: number }>(
    `SELECT routed_organisation_id AS "organisationId", count(*)::int AS conflicts
     FROM property_claims WHERE status = 'conflict' AND routed_organisation_id = ANY($1::uuid[])
     GROUP BY routed_organisation_id`,
    [organisationIds],
  );

  return new Map(rows.map((row) => [row.organisationId, row.conflicts]));
}

export async function filesOfClaims(db: Queryable, claimIds: string[]): Promise<ClaimFileRow[]> {
  if (claimIds.length === 0) {
    return [];
  }

  return db.query<ClaimFileRow>(
    `SELECT cf.claim_id AS "claimId", f.id, f.original_name AS "originalName",
            f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes"
     FROM property_claim_files cf JOIN stored_files f ON f.id = cf.file_id
     WHERE cf.claim_id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`,
    [claimIds],
  );
}

export async function isClaimFile(db: Queryable, claimId: string, fileId: string) {
  const rows = await db.query(
    'SELECT 1 FROM property_claim_files WHERE claim_id = $1 AND file_id = $2',
    [claimId, fileId],
  );

  return rows.length > 0;
}

/** A claim of the person for the object that is still live (confirmed, in conflict, approved). */
export async function findLiveClaim(tx: Queryable, personId: string, cadastralNumber: string) {
  const [row] = await tx.query<{ id: string; status: ClaimStatus }>(
    `SELECT id, status FROM property_claims
     WHERE person_id = $1 AND cadastral_number = $2
       AND status IN ('confirmed', 'conflict', 'approved')`,
    [personId, cadastralNumber],
  );

  return row ?? null;
}

export async function insertClaim(tx: Queryable, claim: NewClaim): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO property_claims (user_id, person_id, house_id, premise_number, premise_kind,
       cadastral_number, area, share_numerator, share_denominator, title_kind, title_number,
       title_date, status, mismatches, registry_snapshot, routed_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16)
     RETURNING id`,
    [
      claim.userId,
      claim.personId,
      claim.houseId,
      claim.premiseNumber,
      claim.premiseKind,
      claim.cadastralNumber,
      claim.area,
      claim.shareNumerator,
      claim.shareDenominator,
      claim.titleKind,
      claim.titleNumber,
      claim.titleDate,
      claim.status,
      JSON.stringify(claim.mismatches),
      claim.registrySnapshot === null ? null : JSON.stringify(claim.registrySnapshot),
      claim.routedOrganisationId,
    ],
  );

  return row!.id;
}

export async function attachFiles(tx: Queryable, claimId: string, fileIds: string[]) {
  await tx.query(
    `INSERT INTO property_claim_files (claim_id, file_id)
     SELECT $1, unnest($2::uuid[])`,
    [claimId, fileIds],
  );
}

/** Records where a confirmed or approved claim's ownership landed. */
export async function linkOwnership(
  tx: Queryable,
  claimId: string,
  link: { premiseId: string; ownershipId: string },
) {
  await tx.query(
    `UPDATE property_claims SET premise_id = $2, ownership_id = $3, updated_at = now()
     WHERE id = $1`,
    [claimId, link.premiseId, link.ownershipId],
  );
}

export async function closeClaim(
  tx: Queryable,
  claimId: string,
  close: { status: ClaimStatus; decidedByUserId: string; reason: string | null },
) {
  await tx.query(
    `UPDATE property_claims
     SET status = $2, decided_by_user_id = $3, decision_reason = $4, decided_at = now(),
         updated_at = now()
     WHERE id = $1`,
    [claimId, close.status, close.decidedByUserId, close.reason],
  );
}
