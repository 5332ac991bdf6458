import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionResponse } from '@ebay-connector/contract';
import { repoRoot } from './config';

export type BuildInfo = Readonly<VersionResponse>;

/** Reads `dist/build-info.json` (written by `npm run build`); falls back to package.json and git. */
export function readBuildInfo(root: string = repoRoot): BuildInfo {
  const file = join(root, 'dist', 'build-info.json');
  if (existsSync(file)) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<VersionResponse>;
    if (data.version && data.commit && data.builtAt) {
      return Object.freeze({ version: data.version, commit: data.commit, builtAt: data.builtAt });
    }
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  return Object.freeze({ version: pkg.version ?? '0.0.0', commit, builtAt: 'unknown' });
}
