import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/platform/embedded-postgres';
import { freePort } from './ports';
import { testLogger } from './silent-logger';

export interface DedicatedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  cleanup(): Promise<void>;
}

/** A PostgreSQL of its own for tests that stop and start the server. */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebc-dedicated-pg-'));
  const port = await freePort();
  const opts = { dataDir, port, logger: testLogger(), unsafeFast: true };
  let pg: EmbeddedPostgres | null = await startEmbeddedPostgres(opts);
  const url = pg.url();
  return {
    url,
    dataDir,
    async stop() {
      await pg?.stop();
      pg = null;
    },
    async start() {
      pg ??= await startEmbeddedPostgres(opts);
    },
    async cleanup() {
      await pg?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
