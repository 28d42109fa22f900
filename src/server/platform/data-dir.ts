import fs from 'node:fs';
import path from 'node:path';

import type { Config } from '../config.js';
import { checkPgliteDir, DataDirError } from './db/database.js';

const LOCK_FILE = 'mpdom.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hasContent(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

/**
 * Makes sure the data directory can hold the embedded database before anything is written to it:
 * writable, not used by another running МП-дом (PGlite must have one process per directory), and
 * not a directory whose database has gone missing while its uploads remain — that is reported,
 * never papered over with a fresh empty database. Returns a function that releases the lock.
 */
export function prepareDataDir(config: Pick<Config, 'dataDir' | 'database' | 'uploads'>) {
  fs.mkdirSync(config.dataDir, { recursive: true });

  try {
    fs.accessSync(config.dataDir, fs.constants.W_OK);
  } catch {
    throw new DataDirError(`${config.dataDir} is not writable by this user`);
  }

  if (config.database.kind !== 'pglite') {
    return () => undefined;
  }

  const state = checkPgliteDir(config.database.dir);

  if (state === 'new' && hasContent(config.uploads.dir)) {
    throw new DataDirError(
      `${config.database.dir} is missing but ${config.uploads.dir} holds uploaded files: ` +
        'the database was moved or deleted. Restore it, or move the data directory away to ' +
        'start from scratch.',
    );
  }

  const lock = path.join(config.dataDir, LOCK_FILE);

  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());

    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) {
      throw new DataDirError(
        `${config.dataDir} is in use by another МП-дом process (pid ${pid}); stop it first`,
      );
    }
  }

  fs.writeFileSync(lock, String(process.pid));

  return () => {
    if (fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').trim() === String(process.pid)) {
      fs.rmSync(lock);
    }
  };
}
