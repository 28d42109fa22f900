// Adds up the JSON reports of vitest and Playwright written by .ci/run and prints the closing
// line `N passed, N failed[, N skipped]`. Exits non-zero when anything failed or a run crashed
// before writing its report.
import fs from 'node:fs';
import path from 'node:path';

const [reportsDir, checksPassed, checksFailed, ...exitCodes] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
let skipped = 0;

// Each run and whether it includes the browser journeys.
const RUNS = [
  ['pglite', true],
  ['postgres', true],
  ['node24', false],
];

for (const [run, withBrowser] of RUNS) {
  const vitestFile = path.join(reportsDir, run, 'vitest.json');
  const playwrightFile = path.join(reportsDir, run, 'playwright.json');

  if (fs.existsSync(vitestFile)) {
    const report = JSON.parse(fs.readFileSync(vitestFile, 'utf8'));

    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that failed to load has no tests to count; count the file itself.
    failed += report.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  } else {
    console.log(`${run}: vitest wrote no report`);
    failed += 1;
  }

  if (!withBrowser) {
    continue;
  }

  if (fs.existsSync(playwrightFile)) {
    const stats = JSON.parse(fs.readFileSync(playwrightFile, 'utf8')).stats;

    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  } else {
    // `npm test` runs Playwright only after vitest passed.
    console.log(`${run}: playwright wrote no report`);
    failed += 1;
  }
}

const crashed = exitCodes.some((code) => code !== '0') && failed === 0;

if (crashed) {
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
