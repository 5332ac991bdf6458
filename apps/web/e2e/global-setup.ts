import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the UI once before the browser tests, unless `dist` is newer than every source file. */
export default function setup(): void {
  const builtAt = existsSync(join(webDir, 'dist', 'index.html'))
    ? statSync(join(webDir, 'dist', 'index.html')).mtimeMs
    : 0;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(webDir, p));
  const contract = fileURLToPath(new URL('../../../packages/contract/src', import.meta.url));
  const newest = Math.max(...[...sources, contract].filter(existsSync).map(newestMtime));
  if (builtAt > newest && process.env['WEB_FORCE_BUILD'] !== '1') return;

  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed with status ${result.status}`);
}
