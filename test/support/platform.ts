import { loadConfig } from '../../src/server/config.js';
import { startPlatform, type Platform } from '../../src/server/main.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase } from './database.js';

/**
 * The whole platform on a fresh test database, without a listening socket: drive it with
 * `platform.app.inject(...)`. Nothing is seeded unless the test asks for it.
 */
export async function createTestPlatform(
  env: Record<string, string> = {},
  options: { seed?: boolean } = {},
): Promise<Platform> {
  // No background worker: tests that need delivery call it themselves, deterministically.
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    WORKER: 'false',
    ...env,
  });
  const db = await createTestDatabase();

  return startPlatform(config, createLogger(config), {
    db,
    listen: false,
    web: false,
    seed: options.seed ?? false,
  });
}
