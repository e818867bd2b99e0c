#!/usr/bin/env node
/**
 * Runs Jest with the given arguments, then prints one plain closing line,
 * "Tests: N passed, N failed, N skipped", after everything Jest printed, and exits with
 * Jest's status. CI readers that do not know Jest's own summary parse that line.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const resultsFile = path.join(__dirname, '..', 'test-artifacts', 'jest-results.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });

const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], { stdio: 'inherit' });

let summary = 'Tests: 0 passed, 1 failed, 0 skipped';
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  summary = `Tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
}
process.stderr.write('\n');
process.stdout.write(`${summary}\n`);
process.exit(run.status ?? 1);
