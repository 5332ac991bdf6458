import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { createServer } from 'node:net';
import { clearStaleCluster, isPostmasterFor, startEmbeddedPostgres } from './embedded-postgres';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const logger = createLogger({ level: 'silent' });

function clusterWithPidFile(pid: number): string {
  const pgDir = join(mkdtempSync(join(tmpdir(), 'ebc-stale-')), 'postgres');
  dirs.push(pgDir);
  mkdirSync(pgDir);
  writeFileSync(join(pgDir, 'postmaster.pid'), `${pid}\n${pgDir}\n1700000000\n54329\n\n127.0.0.1\n 1 2\nready\n`);
  return pgDir;
}

describe('clearStaleCluster', () => {
  it('removes a postmaster.pid whose process is gone', async () => {
    const pgDir = clusterWithPidFile(2 ** 22 + 12345);
    await clearStaleCluster(pgDir, logger);
    expect(existsSync(join(pgDir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a postmaster.pid whose pid now belongs to an unrelated process, without signalling it', async () => {
    const pgDir = clusterWithPidFile(process.pid);
    expect(isPostmasterFor(process.pid, pgDir)).toBe(false);
    await clearStaleCluster(pgDir, logger);
    expect(existsSync(join(pgDir, 'postmaster.pid'))).toBe(false);
  });
});

describe('startEmbeddedPostgres', () => {
  it('names EMBEDDED_PG_PORT when another server holds the port, before creating anything', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'ebc-port-'));
    dirs.push(dataDir);
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, logger })).rejects.toThrow(
        new RegExp(`EMBEDDED_PG_PORT ${port} is in use`),
      );
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(false);
    } finally {
      other.close();
    }
  });
});
