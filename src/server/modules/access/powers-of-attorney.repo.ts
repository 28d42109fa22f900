import type { Queryable } from '../../platform/db/database.js';

export type PowerOfAttorneyRow = {
  id: string;
  premiseId: string;
  premiseLabel: string;
  principalPersonId: string;
  principalName: string;
  representativeUserId: string;
  representativeName: string;
  validFrom: string;
  validUntil: string;
  documentReference: string | null;
  revokedAt: Date | null;
};

const SELECT = `SELECT a.id, a.premise_id AS "premiseId",
    h.address || ', пом. ' || pr.number AS "premiseLabel",
    a.principal_person_id AS "principalPersonId",
    concat_ws(' ', pp.surname, pp.name, pp.patronymic) AS "principalName",
    a.representative_user_id AS "representativeUserId",
    concat_ws(' ', rp.surname, rp.name, rp.patronymic) AS "representativeName",
    to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom",
    to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil",
    a.document_reference AS "documentReference", a.revoked_at AS "revokedAt"
  FROM powers_of_attorney a
  JOIN premises pr ON pr.id = a.premise_id JOIN houses h ON h.id = pr.house_id
  JOIN persons pp ON pp.id = a.principal_person_id
  JOIN users ru ON ru.id = a.representative_user_id JOIN persons rp ON rp.id = ru.person_id`;

export async function insertPower(
  tx: Queryable,
  input: {
    principalPersonId: string;
    representativeUserId: string;
    premiseId: string;
    validFrom: string;
    validUntil: string;
    documentReference: string | null;
    createdBy: string;
  },
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO powers_of_attorney (principal_person_id, representative_user_id, premise_id,
       valid_from, valid_until, document_reference, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.principalPersonId,
      input.representativeUserId,
      input.premiseId,
      input.validFrom,
      input.validUntil,
      input.documentReference,
      input.createdBy,
    ],
  );

  return rows[0]!.id;
}

export async function findPower(db: Queryable, id: string) {
  const rows = await db.query<PowerOfAttorneyRow>(`${SELECT} WHERE a.id = $1`, [id]);

  return rows[0];
}

export async function listPowers(db: Queryable, who: { personId: string; userId: string }) {
  const granted = await db.query<PowerOfAttorneyRow>(
    `${SELECT} WHERE a.principal_person_id = $1 ORDER BY a.valid_from DESC, a.id`,
    [who.personId],
  );
  const received = await db.query<PowerOfAttorneyRow>(
    `${SELECT} WHERE a.representative_user_id = $1 ORDER BY a.valid_from DESC, a.id`,
    [who.userId],
  );

  return { granted, received };
}

export async function revokePower(tx: Queryable, id: string) {
  await tx.query(
    'UPDATE powers_of_attorney SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
}
