import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

import type { Config } from '../../config.js';

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../dist/web',
);

/**
 * Serves the built SPA's files. Returns false when there is no build, so the not-found handler
 * knows whether it can fall back to index.html.
 */
export async function serveWeb(app: FastifyInstance, _config: Config): Promise<boolean> {
  const index = path.join(WEB_DIST, 'index.html');

  if (!fs.existsSync(index)) {
    app.log.warn({ dir: WEB_DIST }, 'web UI is not built; run `npm run build`');

    return false;
  }

  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });

  return true;
}
