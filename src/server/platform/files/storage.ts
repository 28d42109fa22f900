import type { Config } from '../../config.js';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

const backends = new Map<string, FileStorage>();

/**
 * The storage backend the configuration selects, one per root (local disk) or per bucket and
 * endpoint (S3), shared by every caller in the process.
 */
export function fileStorageFor(config: Pick<Config, 'uploads'> & Partial<Pick<Config, 'storage'>>) {
  const storage = config.storage ?? { backend: 'local' as const };
  const id =
    storage.backend === 's3'
      ? `s3:${storage.endpoint ?? ''}/${storage.bucket}`
      : `local:${config.uploads.dir}`;
  let backend = backends.get(id);

  if (!backend) {
    backend =
      storage.backend === 's3'
        ? new S3FileStorage(storage)
        : new LocalFileStorage(config.uploads.dir);
    backends.set(id, backend);
  }

  return backend;
}
