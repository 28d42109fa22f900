import type { Config } from '../../config.js';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';

const backends = new Map<string, FileStorage>();

/**
 * The storage backend the configuration selects, one per root, shared by every caller in the
 * process. Only local disk exists now; an S3 backend plugs in here by configuration.
 */
export function fileStorageFor(config: Pick<Config, 'uploads'>): FileStorage {
  const root = config.uploads.dir;
  let backend = backends.get(root);

  if (!backend) {
    backend = new LocalFileStorage(root);
    backends.set(root, backend);
  }

  return backend;
}
