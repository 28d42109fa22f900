import { apiRequest } from './client.js';

export type StoredFile = {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
};

/** Uploads one file as multipart/form-data; the server sniffs its type from the content. */
export function uploadFile(file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<StoredFile>('/api/v1/files', { method: 'POST', body: form });
}

/** Where a browser can show the stored file itself (PDF viewer, image). */
export function fileViewUrl(id: string) {
  return `/api/v1/files/${encodeURIComponent(id)}?disposition=inline`;
}
