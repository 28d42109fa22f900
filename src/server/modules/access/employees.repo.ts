import type { Queryable } from '../../platform/db/database.js';

export type EmployeeRow = {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: string[];
  since: Date;
};

/** Employees of the organisation and of its departments, with their roles. */
export async function listEmployees(
  db: Queryable,
  organisationId: string,
  page: { limit: number; offset: number },
) {
  const rows = await db.query<EmployeeRow & { total: number }>(
    `WITH RECURSIVE tree(id, depth) AS (
       SELECT id, 0 FROM organisations WHERE id = $1
       UNION ALL
       SELECT o.id, tree.depth + 1 FROM organisations o JOIN tree ON o.parent_id = tree.id
       WHERE tree.depth < 16
     )
     SELECT m.user_id AS "userId",
            concat_ws(' ', p.surname, p.name, p.patronymic) AS "displayName",
            m.organisation_id AS "organisationId", o.name AS "organisationName",
            array_agg(m.role ORDER BY m.role) AS roles, min(m.created_at) AS since,
            (count(*) OVER ())::int AS total
     FROM memberships m JOIN tree ON tree.id = m.organisation_id
     JOIN organisations o ON o.id = m.organisation_id
     JOIN users u ON u.id = m.user_id JOIN persons p ON p.id = u.person_id
     GROUP BY m.user_id, p.surname, p.name, p.patronymic, m.organisation_id, o.name
     ORDER BY o.name, p.surname, p.name, m.user_id
     LIMIT $2 OFFSET $3`,
    [organisationId, page.limit, page.offset],
  );

  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export async function findOrganisation(db: Queryable, id: string) {
  const rows = await db.query<{ id: string; name: string; kind: string; parentId: string | null }>(
    'SELECT id, name, kind, parent_id AS "parentId" FROM organisations WHERE id = $1',
    [id],
  );

  return rows[0];
}

export async function findMemberRoles(tx: Queryable, organisationId: string, userId: string) {
  const rows = await tx.query<{ role: string }>(
    `SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2 ORDER BY role
     FOR UPDATE`,
    [organisationId, userId],
  );

  return rows.map((r) => r.role);
}

/** Admins other than the given user, so the last admin cannot lock the organisation out. */
export async function countOtherAdmins(tx: Queryable, organisationId: string, userId: string) {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM memberships
     WHERE organisation_id = $1 AND role = 'organisation_admin' AND user_id <> $2`,
    [organisationId, userId],
  );

  return row?.n ?? 0;
}

export async function replaceRoles(
  tx: Queryable,
  organisationId: string,
  userId: string,
  roles: string[],
) {
  await tx.query('DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2', [
    organisationId,
    userId,
  ]);

  for (const role of roles) {
    await tx.query(
      `INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [userId, organisationId, role],
    );
  }
}

export async function insertInvitation(
  tx: Queryable,
  input: {
    organisationId: string;
    email: string | null;
    phone: string | null;
    role: string;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO invitations (organisation_id, email, phone, role, token_hash, invited_by,
       expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.organisationId,
      input.email,
      input.phone,
      input.role,
      input.tokenHash,
      input.invitedBy,
      input.expiresAt,
    ],
  );

  return rows[0]!.id;
}

export type InvitationRow = {
  id: string;
  organisationId: string;
  email: string | null;
  phone: string | null;
  role: string;
  expiresAt: Date;
  acceptedAt: Date | null;
};

export async function findInvitationByHash(tx: Queryable, tokenHash: string) {
  const rows = await tx.query<InvitationRow>(
    `SELECT id, organisation_id AS "organisationId", email, phone, role, expires_at AS "expiresAt",
            accepted_at AS "acceptedAt"
     FROM invitations WHERE token_hash = $1 FOR UPDATE`,
    [tokenHash],
  );

  return rows[0];
}

export async function markAccepted(tx: Queryable, id: string, userId: string) {
  await tx.query('UPDATE invitations SET accepted_by = $2, accepted_at = now() WHERE id = $1', [
    id,
    userId,
  ]);
}

export async function insertDepartment(
  tx: Queryable,
  input: { parentId: string; kind: string; name: string; normalizedName: string },
) {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO organisations (parent_id, kind, name, normalized_name)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.parentId, input.kind, input.name, input.normalizedName],
  );

  return rows[0]!.id;
}
