import type { StoredFile } from './files.repo.js';
import type { StoredFileView } from './files.schema.js';

export function presentStoredFile(file: StoredFile): StoredFileView {
  return {
    id: file.id,
    originalName: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
  };
}
