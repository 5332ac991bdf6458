#!/usr/bin/env node
// `npm run bench <name> [-- args]`: runs one benchmark (the same as `npm run bench:<name>`), or lists them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Every `bench:<name>` script, and `drill` (fault drills against a running deployment).
const benches = Object.keys(scripts)
  .filter((s) => s.startsWith('bench:') || s === 'drill')
  .map((s) => s.replace(/^bench:/, ''));

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h') {
  console.log(`usage: npm run bench <name> [-- options]\nbenchmarks: ${benches.join(', ')}`);
  console.log('Each prints its figures and its targets; settings are environment variables (docs/operations.md).');
  process.exit(name === undefined ? 1 : 0);
}
if (!benches.includes(name)) {
  console.error(`unknown benchmark "${name}"; one of: ${benches.join(', ')}`);
  process.exit(2);
}
const script = name === 'drill' ? 'drill' : `bench:${name}`;
const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
