import type { Queryable } from '../db/database.js';
import type { storedFiles } from './files.tables.js';

export type StoredFile = typeof storedFiles.$inferSelect;

export type NewStoredFile = Omit<StoredFile, 'id' | 'createdAt'>;

const COLUMNS = `
  id, storage_key AS "storageKey", original_name AS "originalName", mime_type AS "mimeType",
  size_bytes AS "sizeBytes", sha256, uploaded_by AS "uploadedBy", created_at AS "createdAt"`;

/** Raw SQL over a Queryable, so a caller can record a file inside its own transaction. */
export async function insertStoredFile(db: Queryable, file: NewStoredFile): Promise<StoredFile> {
  const [row] = await db.query<StoredFile>(
    `INSERT INTO stored_files
       (storage_key, original_name, mime_type, size_bytes, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [
      file.storageKey,
      file.originalName,
      file.mimeType,
      file.sizeBytes,
      file.sha256,
      file.uploadedBy,
    ],
  );

  return row!;
}

export async function findStoredFile(db: Queryable, id: string): Promise<StoredFile | null> {
  const [row] = await db.query<StoredFile>(`SELECT ${COLUMNS} FROM stored_files WHERE id = $1`, [
    id,
  ]);

  return row ?? null;
}
