import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Returns the secret stored in `path`, creating it (mode 0600, random base64url) when missing.
 * `wx` makes creation atomic: when two processes race, the loser reads the winner's value.
 */
export function readOrCreateSecretFile(path: string, bytes = 32): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${randomBytes(bytes).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodSync(path, 0o600);
  const value = readFileSync(path, 'utf8').trim();
  if (value.length === 0) throw new Error(`${path} is empty; delete it to generate a new secret`);
  return value;
}
