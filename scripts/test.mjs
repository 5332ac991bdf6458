#!/usr/bin/env node
// The one test command: typecheck, lint, then every vitest project (unit, database, HTTP, browser).
// It ends with the plain summary line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const artifacts = join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const extraArgs = process.argv.slice(2);

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return ok;
}

if (extraArgs.length === 0) {
  for (const [name, script] of [
    ['typecheck', 'typecheck'],
    ['lint', 'lint'],
  ]) {
    if (step(name, 'npm', ['run', '--silent', script])) passed += 1;
    else failed += 1;
  }
}

const report = join(artifacts, 'vitest-report.json');
const vitestOk = step('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extraArgs,
]);

if (existsSync(report)) {
  const data = JSON.parse(readFileSync(report, 'utf8'));
  passed += data.numPassedTests ?? 0;
  failed += data.numFailedTests ?? 0;
  skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  for (const suite of data.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
}
if (!vitestOk && failed === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
