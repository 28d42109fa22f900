import { E2E_BASE_URL } from './env.js';

/**
 * Runs once the web server answers (Playwright starts it before any globalSetup, which is why
 * the data directory is emptied by start-platform.mjs instead). A first start that left the
 * registry empty fails here with one clear message rather than in every journey.
 */
export default async function globalSetup() {
  const response = await fetch(`${E2E_BASE_URL}/api/v1/buildings?limit=1`);

  if (!response.ok) {
    throw new Error(`GET /api/v1/buildings answered HTTP ${response.status}`);
  }

  const page = (await response.json()) as { total?: number };

  if (!page.total) {
    throw new Error('the first start imported no houses: the registry is empty');
  }
}
