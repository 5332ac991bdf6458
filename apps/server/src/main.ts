import { join } from 'node:path';
import { DEFAULT_APP, emulatorUrl, findRunningEmulator, startEmulator } from '@ebay-connector/ebay-emulator';
import { CALLBACK_PATH, createEbayModule } from './accounts/ebay.module';
import type { EbaySettings } from './accounts/ebay-settings';
import { buildApp } from './app';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { deleteOldSessions } from './auth/sessions.repository';
import { resolveAppSecret } from './platform/app-secret';
import { readBuildInfo } from './platform/build-info';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { connectWithRetry, createDb, createPool } from './platform/database';
import { sharedCluster, startEmbeddedPostgres } from './platform/embedded-postgres';
import { createPgListener } from './platform/pg-listener';
import { createLogger, type Logger } from './platform/logger';
import { latestVersion, loadMigrations, migrate } from './platform/migrations';
import { createShutdown } from './platform/shutdown';
import { startWorker } from './worker';
import { createSyncModule } from './sync/sync.module';

type Role = 'api' | 'worker' | 'all';

function parseRole(argv: readonly string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = arg?.slice('--role='.length) ?? 'all';
  if (role !== 'api' && role !== 'worker' && role !== 'all') {
    throw new ConfigError([`--role: expected api, worker or all, got "${role}"`]);
  }
  return role;
}

async function start(config: Config, role: Role, logger: Logger, shutdown: ReturnType<typeof createShutdown>): Promise<void> {
  let url = config.database.url;
  let migrationsUrl = config.database.migrationsUrl ?? url;
  if (url === null) {
    url = await embeddedDatabase(config, logger, shutdown);
    migrationsUrl = url;
  }
  const pool = createPool(url, config.database, logger);
  const db = createDb(pool);
  shutdown.add('database-pool', () => db.destroy());
  const retry = {
    retries: config.database.startupRetries,
    delayMs: config.database.startupRetryDelayMs,
    maxDelayMs: config.database.startupRetryMaxDelayMs,
  };
  await connectWithRetry(pool, logger, retry);

  const migrations = loadMigrations();
  await migrate(migrationsUrl ?? url, logger, { migrations, connectTimeoutMs: config.database.connectTimeoutMs });
  await bootstrapAdmin(db, config, logger);
  // Sessions that expired or were revoked over a day ago leave the table: at start, then hourly.
  await deleteOldSessions(db);
  const sessionHousekeeping = setInterval(() => {
    deleteOldSessions(db).catch((err: unknown) => logger.warn({ err }, 'deleting old sessions failed'));
  }, 3_600_000);
  sessionHousekeeping.unref();
  shutdown.add('session-housekeeping', async () => clearInterval(sessionHousekeeping));
  const appSecret = resolveAppSecret(config);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const ebaySettings = await resolveEbaySettings(config, role, publicUrl, logger, shutdown);
  // One LISTEN connection per process: live events and session notices.
  const listener = createPgListener({ connectionString: url, logger });
  shutdown.add('pg-listener', () => listener.close());
  const ebay = createEbayModule({ settings: ebaySettings, db, logger, appSecret, databaseUrl: url, publicUrl, listener });
  shutdown.add('ebay', () => ebay.close());
  const sync = await createSyncModule({ db, databaseUrl: url, logger, settings: config.sync, ebay });
  shutdown.add('sync', () => sync.close());

  if (role === 'worker' || role === 'all') {
    const worker = await startWorker({ db, logger, sync });
    shutdown.add('worker', () => worker.stop());
    const stopBackground = ebay.startBackground();
    shutdown.add('ebay-background', async () => stopBackground());
  }
  if (role === 'api' || role === 'all') {
    const app = await buildApp({
      config,
      db,
      logger,
      appSecret,
      buildInfo: readBuildInfo(),
      latestMigration: latestVersion(migrations),
      ebay,
      sync,
      pool,
      listener,
    });
    shutdown.add('http-server', () => app.close());
    await app.listen({ port: config.port, host: config.host });
    logger.info({ url: config.publicUrl ?? `http://localhost:${config.port}`, role }, 'eBay Connector is ready');
  }
}

/**
 * The embedded PostgreSQL under `DATA_DIR`: this process starts it and stops it when it stops, or, when another
 * process of this app already runs it (`start:api` and `start:worker` on one machine), uses it as it is. That
 * process owns it: it stops with it, and this one waits for the database like for any external one that went away.
 */
async function embeddedDatabase(config: Config, logger: Logger, shutdown: ReturnType<typeof createShutdown>): Promise<string> {
  const share = () => {
    const shared = sharedCluster(config.dataDir);
    if (shared) {
      logger.info(
        { owner: shared.owner },
        'using the embedded PostgreSQL another process of this app runs on this DATA_DIR; it stops when that process stops',
      );
    }
    return shared?.url ?? null;
  };
  const running = share();
  if (running !== null) return running;
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.database.embeddedPort, logger });
    shutdown.add('embedded-postgres', () => embedded.stop());
    return embedded.url();
  } catch (err) {
    // Two processes started together: the other one won the cluster's lock.
    const shared = share();
    if (shared !== null) return shared;
    throw err;
  }
}

/**
 * The eBay keyset and hosts. With `EBAY_ENV=emulator` the offline eBay emulator answers on `EMULATOR_PORT`, with its
 * documented keyset, and sends consent back to this server's callback: this process starts it, or uses the one
 * another process on this machine already runs there (an API and a worker process started apart share one emulator,
 * as they would share eBay). When every eBay host is set (`EBAY_*_BASE_URL`), no emulator is started.
 */
async function resolveEbaySettings(
  config: Config,
  role: Role,
  publicUrl: string,
  logger: Logger,
  shutdown: ReturnType<typeof createShutdown>,
): Promise<EbaySettings> {
  if (config.ebay.environment !== 'emulator') return config.ebay;
  const { authBaseUrl, apiBaseUrl, apizBaseUrl } = config.ebay.baseUrls;
  const settingsFor = (url: string, demoLiveOrdersPerDay: number | null = config.emulator.liveOrdersPerDay): EbaySettings => ({
    ...config.ebay,
    demoLiveOrdersPerDay,
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    ruName: DEFAULT_APP.ruName,
    baseUrls: { authBaseUrl: authBaseUrl ?? url, apiBaseUrl: apiBaseUrl ?? url, apizBaseUrl: apizBaseUrl ?? url },
  });
  if (authBaseUrl !== undefined && apiBaseUrl !== undefined && apizBaseUrl !== undefined) return settingsFor(apiBaseUrl, null);

  const host = config.host === 'localhost' ? '127.0.0.1' : config.host;
  const port = config.ebay.emulatorPort;
  const local = emulatorUrl(host, port);
  const callback = `${publicUrl}${CALLBACK_PATH}`;
  const useRunning = async (): Promise<EbaySettings | null> => {
    const found = port === 0 ? null : await findRunningEmulator(local);
    if (!found) return null;
    // Consent comes back to the process that serves the UI, whichever process started the emulator.
    if (role !== 'worker' && found.acceptUrl !== callback) {
      const res = await fetch(`${local}/__emulator/app/accept-url`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: callback }),
      });
      if (!res.ok) logger.warn({ url: local, status: res.status }, 'the emulator kept its consent redirect');
    }
    logger.info({ url: local }, 'using the eBay emulator another process runs on EMULATOR_PORT (EBAY_ENV=emulator)');
    return settingsFor(local);
  };
  const running = await useRunning();
  if (running) return running;
  try {
    const emulator = await startEmulator({
      port,
      host,
      seed: config.emulator.seed,
      ordersPerSeller: config.emulator.ordersPerSeller,
      liveOrdersPerDay: config.emulator.liveOrdersPerDay,
      acceptUrl: callback,
      // Connected demo accounts survive a restart, as eBay keeps their grants.
      stateFile: join(config.dataDir, 'emulator-state.json'),
    });
    shutdown.add('ebay-emulator', () => emulator.close());
    logger.info({ url: emulator.url }, 'eBay emulator started (EBAY_ENV=emulator)');
    return settingsFor(emulator.url);
  } catch (err) {
    // Another process started one meanwhile; anything else on the port is an error to show.
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    const started = await useRunning();
    if (started) return started;
    throw new Error(
      `EMULATOR_PORT ${port} is in use by something that is not the eBay emulator; choose another port`,
      { cause: err },
    );
  }
}

async function main(): Promise<void> {
  let config: Config;
  let role: Role;
  try {
    config = loadConfig(process.env);
    role = parseRole(process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const shutdown = createShutdown(logger);

  const stop = (signal: string, code: number) => {
    if (shutdown.requested) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    void shutdown.run().then(() => process.exit(code));
  };
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled promise rejection');
    stop('unhandledRejection', 1);
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    stop('uncaughtException', 1);
  });

  try {
    await start(config, role, logger, shutdown);
  } catch (err) {
    logger.fatal({ err }, 'start-up failed');
    await shutdown.run();
    process.exit(1);
  }
}

await main();
