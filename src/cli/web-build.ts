import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from '../server/platform/logger.js';
import { WEB_DIST } from '../server/platform/http/web.js';

const WEB_SRC = path.resolve(WEB_DIST, '../../src/web');

/** Newest modification time under a directory, to tell whether the built UI is stale. */
function newestMtime(dir: string): number {
  let newest = 0;

  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }

  return newest;
}

/** Builds the web UI with Vite when there is no build or the sources are newer than it. */
export async function ensureWebBuilt(logger: Logger) {
  const index = path.join(WEB_DIST, 'index.html');
  const fresh = fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(WEB_SRC);

  if (fresh) {
    return;
  }

  logger.info({ out: WEB_DIST }, 'building the web UI');

  const { build } = await import('vite');

  await build({ configFile: path.resolve(WEB_DIST, '../../vite.config.ts'), logLevel: 'warn' });
}
