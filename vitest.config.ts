import path from 'node:path';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@web': path.resolve(import.meta.dirname, 'src/web'),
      '@shared': path.resolve(import.meta.dirname, 'src/shared'),
      '@domain': path.resolve(import.meta.dirname, 'src/domain'),
      '@server': path.resolve(import.meta.dirname, 'src/server'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only make PGlite instances fight for them.
    maxWorkers: 2,
    // CI asks for a JSON report beside the console output to count the results.
    reporters: process.env.TEST_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.TEST_REPORT_DIR
      ? { json: path.join(process.env.TEST_REPORT_DIR, 'vitest.json') }
      : {},
  },
});
