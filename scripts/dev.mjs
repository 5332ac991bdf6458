#!/usr/bin/env node
// Development: the server (restarted when its sources change) and the Vite dev server with hot reload.
// Open http://localhost:5173; /api and /healthz are proxied to the server on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
const env = {
  ...process.env,
  PORT: port,
  // The browser talks to Vite; OAuth callbacks and the CSRF origin check must use its URL.
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}`,
  BACKEND_URL: `http://localhost:${port}`,
};

// Fresh version/commit/build time for the footer.
spawnSync(process.execPath, ['scripts/build-info.mjs'], { cwd: root, stdio: 'inherit' });

const children = [
  spawn(
    process.execPath,
    ['--import', 'tsx', '--watch-path=apps/server/src', '--watch-path=packages', 'apps/server/src/main.ts', '--role=all'],
    { cwd: root, env, stdio: 'inherit' },
  ),
  spawn('npm', ['run', 'dev', '-w', 'apps/web', '--', '--port', webPort, '--strictPort'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
