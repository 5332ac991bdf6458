#!/usr/bin/env node
// Builds the web UI (apps/web/dist) unless the sources it is built from are the same as at its last build, so
// `npm start` after a restart does not spend ~10 s rebuilding an unchanged UI. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'apps/web/dist');
const stamp = join(dist, '.sources-sha256');
// Everything the build reads: the UI, the shared contract, the build configuration and the locked dependencies.
const inputs = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/precompress.ts',
  'apps/web/tsconfig.json',
  'apps/web/package.json',
  'packages/contract/src',
  'package-lock.json',
];

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => files(relative(root, join(full, e.name))));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const current = sourcesHash();
const built = existsSync(stamp) && existsSync(join(dist, 'index.html')) ? readFileSync(stamp, 'utf8').trim() : null;
if (!process.argv.includes('--force') && built === current) {
  console.log('web UI: unchanged since its last build (apps/web/dist), not rebuilt');
  process.exit(0);
}
const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, `${current}\n`);
