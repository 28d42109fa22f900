import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { filesRoutes } from '../../src/server/platform/files/files.routes.js';
import { buildApp } from '../../src/server/platform/http/app.js';
import { createJobQueue } from '../../src/server/platform/jobs/job-queue.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from './database.js';
import { multipartBody, type MultipartPart } from './sample-files.js';
import { TEST_USER_HEADER, testSignIn } from './test-sign-in.js';

/**
 * The files API on a fresh test database and a temporary data directory, with test sign-in
 * (`x-test-user`) in place of sessions, plus helpers to upload, download and count what is stored.
 */
export async function createFilesHarness() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-files-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const db = await createTestDatabase();
  const logger = createLogger(config);
  // A queue that is never started: the files API does not enqueue anything.
  const ctx: AppContext = { config, db, logger, jobs: createJobQueue({ config, db, logger }) };
  const app = await buildApp(ctx, { modules: [testSignIn, filesRoutes] });
  const owner = randomUUID();

  function upload(part: Partial<MultipartPart> & { data: Buffer }, user: string | null = owner) {
    const { payload, headers } = multipartBody([{ name: 'file', ...part }]);

    return app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload,
      headers: { ...headers, ...(user ? { [TEST_USER_HEADER]: user } : {}) },
    });
  }

  function download(id: string, user: string | null = owner, extra: Record<string, string> = {}) {
    return app.inject({
      method: 'GET',
      url: `/api/v1/files/${id}`,
      headers: { ...(user ? { [TEST_USER_HEADER]: user } : {}), ...extra },
    });
  }

  /** Stored objects on disk, leftovers in the temp directory, and rows in the table. */
  async function stored() {
    const root = config.uploads.dir;
    const objects = fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && !entry.parentPath.includes('.tmp'))
          .map((entry) => path.join(entry.parentPath, entry.name))
      : [];
    const temp = fs.existsSync(path.join(root, '.tmp'))
      ? fs.readdirSync(path.join(root, '.tmp'))
      : [];
    const [row] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');

    return { objects, temp, rows: row!.n };
  }

  async function close() {
    await app.close();
    await ctx.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return { ctx, app, dataDir, owner, upload, download, stored, close };
}
