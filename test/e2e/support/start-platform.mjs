#!/usr/bin/env node
// Starts the platform for the browser journeys on an empty data directory, so every run sees a
// first start. Runs as Playwright's webServer command (before any globalSetup could).
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line no-restricted-syntax -- the launcher empties the server's own DATA_DIR
const dataDir = process.env.DATA_DIR;

if (!dataDir || !path.resolve(dataDir).includes(`${path.sep}.tmp${path.sep}`)) {
  // Refuse to wipe anything that is not a scratch directory under .tmp/.
  console.error(`start-platform: DATA_DIR must point under .tmp/, got ${dataDir ?? '(unset)'}`);
  process.exit(1);
}

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

process.argv.splice(2, process.argv.length - 2, 'start');

await import('../../../bin/mpdom.mjs');
