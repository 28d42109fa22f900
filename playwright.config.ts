import { defineConfig, devices } from '@playwright/test';

import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT } from './test/e2e/support/env.js';

/**
 * Browser journeys on Debian's Chromium against the real platform: `mpdom start` on a fresh data
 * directory, so the first start (registry import, demo world) is part of what is tested. With
 * DATABASE_URL in the environment the same server runs on PostgreSQL instead of PGlite.
 */

export default defineConfig({
  testDir: 'test/e2e',
  // Deleting the data directory cannot wait for globalSetup: Playwright starts the web server
  // first. start-platform.mjs removes it right before the server starts.
  globalSetup: './test/e2e/support/global-setup.ts',
  // One folder per port, so journeys of two checkouts on one machine never delete each other's.
  outputDir: `.tmp/e2e-results-${E2E_PORT}`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  // Two cores: one for the server, one for the browser.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // CI asks for a JSON report beside the list to count the results.
  reporter: process.env.TEST_REPORT_DIR
    ? [['list'], ['json', { outputFile: `${process.env.TEST_REPORT_DIR}/playwright.json` }]]
    : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node test/e2e/support/start-platform.mjs',
    url: `${E2E_BASE_URL}/api/health`,
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      // Every journey signs in from 127.0.0.1; the per-address limit is for the open internet.
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
    },
    reuseExistingServer: false,
    // The first start builds the UI and imports 10,537 houses; on two cores that takes a while.
    timeout: 10 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
