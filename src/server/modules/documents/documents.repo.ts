import type { Queryable } from '../../platform/db/database.js';

export type DocumentRow = {
  id: string;
  scope: 'personal' | 'house' | 'organisation';
  personId: string | null;
  houseId: string | null;
  organisationId: string | null;
  folderId: string | null;
  kind: string;
  title: string;
  tags: string[];
  status: 'active' | 'awaiting_signature' | 'signed' | 'superseded';
  supersedesId: string | null;
  currentVersion: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  houseAddress: string | null;
  organisationName: string | null;
};

export type VersionRow = {
  id: string;
  documentId: string;
  number: number;
  fileId: string;
  note: string | null;
  createdAt: Date;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
};

const DOCUMENT_COLUMNS = `
  d.id, d.scope, d.person_id AS "personId", d.house_id AS "houseId",
  d.organisation_id AS "organisationId", d.folder_id AS "folderId", d.kind, d.title, d.tags,
  d.status, d.supersedes_id AS "supersedesId", d.current_version AS "currentVersion",
  d.created_by AS "createdBy", d.created_at AS "createdAt", d.updated_at AS "updatedAt",
  h.address AS "houseAddress", o.name AS "organisationName"`;

const DOCUMENT_FROM = `
  FROM documents d
  LEFT JOIN houses h ON h.id = d.house_id
  LEFT JOIN organisations o ON o.id = d.organisation_id`;

export async function insertDocument(
  db: Queryable,
  input: {
    scope: DocumentRow['scope'];
    personId: string | null;
    houseId: string | null;
    organisationId: string | null;
    folderId: string | null;
    kind: string;
    title: string;
    tags: string[];
    supersedesId: string | null;
    createdBy: string;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO documents (scope, person_id, house_id, organisation_id, folder_id, kind, title,
       tags, supersedes_id, created_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      input.scope,
      input.personId,
      input.houseId,
      input.organisationId,
      input.folderId,
      input.kind,
      input.title,
      input.tags,
      input.supersedesId,
      input.createdBy,
      input.isDemo ?? false,
    ],
  );

  return row!.id;
}

export async function insertVersion(
  db: Queryable,
  input: {
    documentId: string;
    number: number;
    fileId: string;
    note: string | null;
    by: string | null;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO document_versions (document_id, number, file_id, note, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.documentId, input.number, input.fileId, input.note, input.by],
  );

  return row!.id;
}

export async function findDocument(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DocumentRow | null> {
  const [row] = await db.query<DocumentRow>(
    options.lock
      ? `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM} WHERE d.id = $1 FOR UPDATE OF d`
      : `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM} WHERE d.id = $1`,
    [id],
  );

  return row ?? null;
}

export async function setDocumentState(
  db: Queryable,
  id: string,
  change: { status?: DocumentRow['status']; currentVersion?: number },
): Promise<void> {
  await db.query(
    `UPDATE documents SET status = COALESCE($2, status),
       current_version = COALESCE($3, current_version), updated_at = now()
     WHERE id = $1`,
    [id, change.status ?? null, change.currentVersion ?? null],
  );
}

export async function findVersions(db: Queryable, documentId: string): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT v.id, v.document_id AS "documentId", v.number, v.file_id AS "fileId", v.note,
            v.created_at AS "createdAt", f.original_name AS "originalName",
            f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes", f.sha256
     FROM document_versions v JOIN stored_files f ON f.id = v.file_id
     WHERE v.document_id = $1 ORDER BY v.number DESC`,
    [documentId],
  );
}

export type DocumentFilter = {
  /** Each visible scope, as SQL over `d`: the caller builds them from the user's rights. */
  personId: string;
  houseIds: string[];
  organisationIds: string[];
  scope?: DocumentRow['scope'] | undefined;
  houseId?: string | undefined;
  organisationId?: string | undefined;
  kind?: string | undefined;
  folderId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

/**
 * Documents the user may see: their own personal ones and those sent to them, the documents of
 * the houses they own or live in, and the archives of the organisations they work for.
 */
export async function searchDocuments(db: Queryable, filter: DocumentFilter) {
  const params: unknown[] = [filter.personId, filter.houseIds, filter.organisationIds];
  const where = [
    `((d.scope = 'personal' AND d.person_id = $1)
      OR (d.scope = 'organisation' AND d.person_id = $1)
      OR (d.scope = 'house' AND d.house_id = ANY($2::uuid[]))
      OR (d.scope IN ('house', 'organisation') AND d.organisation_id = ANY($3::uuid[])))`,
  ];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };

  if (filter.scope) {
    add('d.scope = ?', filter.scope);
  }
  if (filter.houseId) {
    add('d.house_id = ?', filter.houseId);
  }
  if (filter.organisationId) {
    add('d.organisation_id = ?', filter.organisationId);
  }
  if (filter.kind) {
    add('d.kind = ?', filter.kind);
  }
  if (filter.folderId) {
    add('d.folder_id = ?', filter.folderId);
  }
  if (filter.tag) {
    add('? = ANY(d.tags)', filter.tag);
  }
  if (filter.q) {
    add(`d.title ILIKE ? ESCAPE '\\'`, `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
  }

  params.push(filter.limit, filter.offset);

  return db.query<DocumentRow & { total: number }>(
    `SELECT ${DOCUMENT_COLUMNS}, count(*) OVER ()::int AS total ${DOCUMENT_FROM}
     WHERE ${where.join(' AND ')}
     ORDER BY d.updated_at DESC, d.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

export async function insertFolder(
  db: Queryable,
  input: {
    scope: DocumentRow['scope'];
    personId: string | null;
    houseId: string | null;
    organisationId: string | null;
    name: string;
    by: string;
  },
) {
  const [row] = await db.query<{ id: string; name: string; scope: string; createdAt: Date }>(
    `INSERT INTO document_folders (scope, person_id, house_id, organisation_id, name, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, name, scope, created_at AS "createdAt"`,
    [input.scope, input.personId, input.houseId, input.organisationId, input.name, input.by],
  );

  return row!;
}

export async function findFolder(db: Queryable, id: string) {
  const [row] = await db.query<{
    id: string;
    scope: DocumentRow['scope'];
    personId: string | null;
    houseId: string | null;
    organisationId: string | null;
    name: string;
  }>(
    `SELECT id, scope, person_id AS "personId", house_id AS "houseId",
            organisation_id AS "organisationId", name
     FROM document_folders WHERE id = $1`,
    [id],
  );

  return row ?? null;
}

export async function listFolders(
  db: Queryable,
  visible: { personId: string; houseIds: string[]; organisationIds: string[] },
) {
  return db.query<{ id: string; name: string; scope: string; createdAt: Date }>(
    `SELECT id, name, scope, created_at AS "createdAt" FROM document_folders
     WHERE (scope = 'personal' AND person_id = $1)
        OR (scope = 'house' AND (house_id = ANY($2::uuid[]) OR organisation_id = ANY($3::uuid[])))
        OR (scope = 'organisation' AND organisation_id = ANY($3::uuid[]))
     ORDER BY name`,
    [visible.personId, visible.houseIds, visible.organisationIds],
  );
}
