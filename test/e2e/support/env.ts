import path from 'node:path';

/**
 * Where the journeys' own platform listens: a fixed port apart from the default 3000, movable
 * with E2E_PORT when two checkouts run their journeys on one machine.
 */
// eslint-disable-next-line no-restricted-syntax -- test tooling, not platform configuration
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * Scratch data directory, emptied before every run by start-platform.mjs; one per port, so two
 * runs on one machine never empty each other's database.
 */
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, `../../../.tmp/e2e-data-${E2E_PORT}`);
