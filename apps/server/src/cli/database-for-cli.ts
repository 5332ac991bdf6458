import type { Config } from '../platform/config';
import { runningClusterUrl, startEmbeddedPostgres } from '../platform/embedded-postgres';
import type { Logger } from '../platform/logger';

export interface CliDatabase {
  mode: 'external' | 'embedded (running)' | 'embedded (started for this command)';
  url: string;
  migrationsUrl: string;
  release(): Promise<void>;
}

/** External DATABASE_URL; or the embedded cluster, reusing a running one, else starting it for the command. */
export async function databaseForCli(config: Config, logger: Logger): Promise<CliDatabase> {
  const { url, migrationsUrl } = config.database;
  if (url) return { mode: 'external', url, migrationsUrl: migrationsUrl ?? url, release: async () => undefined };
  const running = runningClusterUrl(config.dataDir);
  if (running) return { mode: 'embedded (running)', url: running, migrationsUrl: running, release: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.database.embeddedPort, logger });
  return {
    mode: 'embedded (started for this command)',
    url: embedded.url(),
    migrationsUrl: embedded.url(),
    release: () => embedded.stop(),
  };
}
