import { z } from 'zod';

/** A stored file as the API shows it; the storage key and uploader stay internal. */
export const StoredFileSchema = z
  .object({
    id: z.uuid(),
    /** The name the file was uploaded under, without any path. */
    originalName: z.string(),
    /** The type sniffed from the content, never the one the client claimed. */
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    /** SHA-256 of the stored bytes in hex. */
    sha256: z.string(),
  })
  .meta({ id: 'StoredFile' });

export type StoredFileView = z.infer<typeof StoredFileSchema>;

export const FileParamsSchema = z.object({ id: z.uuid() });

export const DownloadQuerySchema = z.object({
  /** `inline` lets a browser show the file; `attachment` (the default) saves it. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
