// `npm run doctor`: prints the effective configuration (secrets masked), checks the database and the schema.
// Exits non-zero when something needs attention.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { appSecretPath } from '../platform/app-secret';
import { readBuildInfo } from '../platform/build-info';
import { ConfigError, loadConfig, type Config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { maskSecret, maskUrl } from '../platform/mask';
import { latestVersion, loadMigrations, verifyApplied } from '../platform/migrations';
import { databaseForCli } from './database-for-cli';

const problems: string[] = [];
const ok = (what: string) => console.log(`  ok    ${what}`);
const fail = (what: string) => {
  console.log(`  FAIL  ${what}`);
  problems.push(what);
};

function printConfig(config: Config): void {
  const d = config.database;
  const build = readBuildInfo();
  const rows: [string, string][] = [
    ['version', `${build.version} (commit ${build.commit}, built ${build.builtAt})`],
    ['listen', `${config.host}:${config.port}`],
    ['public URL', config.publicUrl ?? `(from the Host header; default http://localhost:${config.port})`],
    ['allowed origins', config.allowedOrigins.join(', ') || '(none)'],
    ['trust proxy', String(config.trustProxy)],
    ['data dir', config.dataDir],
    [
      'web UI',
      existsSync(join(config.webDistDir, 'index.html'))
        ? config.webDistDir
        : `${config.webDistDir} (not built)`,
    ],
    [
      'database',
      d.url
        ? `external ${maskUrl(d.url)}`
        : `embedded PostgreSQL in ${join(config.dataDir, 'postgres')}, port ${d.embeddedPort}`,
    ],
    ['migrations URL', d.migrationsUrl ? maskUrl(d.migrationsUrl) : '(same as database)'],
    [
      'pool',
      `max ${d.poolMax}, connect ${d.connectTimeoutMs} ms, statement ${d.statementTimeoutMs} ms, idle ${d.idleTimeoutMs} ms, keepalive ${d.keepAlive}`,
    ],
    [
      'app secret',
      config.appSecret
        ? `${maskSecret(config.appSecret)} from APP_SECRET`
        : `generated, kept in ${appSecretPath(config.dataDir)}`,
    ],
    [
      'previous app secret',
      config.ebay.appSecretPrevious
        ? `${maskSecret(config.ebay.appSecretPrevious)} from APP_SECRET_PREVIOUS (a key rotation: tokens sealed with it stay readable)`
        : '(none)',
    ],
    ['sessions', `${config.auth.sessionTtlHours} h, cookie Secure=${config.auth.cookieSecure}`],
    [
      'login limits',
      `${config.auth.maxFailuresPerEmail}/email, ${config.auth.maxFailuresPerIp}/IP per ${config.auth.failureWindowMinutes} min`,
    ],
    [
      'first admin',
      config.auth.adminEmail
        ? `${config.auth.adminEmail}, password ${maskSecret(config.auth.adminPassword)}`
        : 'admin@localhost with a generated password (if no users)',
    ],
    ['log level', config.logLevel],
    [
      'metrics',
      config.metrics.token
        ? `/metrics with bearer ${maskSecret(config.metrics.token)} (METRICS_TOKEN)`
        : '/metrics for loopback clients only',
    ],
    ['eBay environment', ebayLine(config)],
    ['eBay hosts', ebayHosts(config)],
    ['eBay RuName', config.ebay.environment === 'emulator' ? '(emulator default app)' : config.ebay.ruName],
    [
      'deletion endpoint',
      config.ebay.deletion.verificationToken
        ? `on, token ${maskSecret(config.ebay.deletion.verificationToken)}`
        : 'off (EBAY_DELETION_VERIFICATION_TOKEN unset)',
    ],
    ['feature flags', `debug endpoints ${config.ebay.debugEndpoints ? 'on' : 'off'}`],
    [
      'sync',
      `${config.sync.workerConcurrency} runs per worker, ${config.sync.fetchConcurrency} concurrent eBay calls per run, overlap ${config.sync.overlapMs / 60_000} min`,
    ],
    [
      'retention',
      `ledger ${config.ebay.ledger.retentionDays} days, events ${config.ebay.events.retentionHours} h`,
    ],
  ];
  console.log('Configuration');
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    const started = performance.now();
    await client.connect();
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    ok(`database reachable (PostgreSQL ${rows[0]?.v ?? '?'}, ${Math.round(performance.now() - started)} ms)`);
    const migrations = loadMigrations();
    const exists = await client.query<{ t: string | null }>(
      `select to_regclass('schema_migrations')::text as t`,
    );
    const applied = exists.rows[0]?.t
      ? (
          await client.query<{ version: number; name: string; checksum: string }>(
            'select version, name, checksum from schema_migrations order by version',
          )
        ).rows
      : [];
    verifyApplied(applied, migrations);
    const current = applied.at(-1)?.version ?? 0;
    if (current === latestVersion(migrations)) ok(`schema at migration ${current} (latest)`);
    else
      fail(
        `schema at migration ${current}, this release needs ${latestVersion(migrations)}: run npm run migrate (or start the app)`,
      );
  } catch (err) {
    fail(`database: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.log(err.message);
    process.exitCode = 1;
    return;
  }
  printConfig(config);
  console.log('\nChecks');
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    accessSync(config.dataDir, constants.W_OK);
    ok(`data dir writable`);
  } catch {
    fail(`data dir ${config.dataDir} is not writable`);
  }
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  try {
    const db = await databaseForCli(config, logger);
    ok(`database mode: ${db.mode}`);
    try {
      await checkDatabase(db.url);
    } finally {
      await db.release();
    }
  } catch (err) {
    fail(`database: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log(problems.length ? `\n${problems.length} problem(s) found` : '\nAll checks passed');
  process.exitCode = problems.length ? 1 : 0;
}

await main();

function ebayLine(config: Config): string {
  const e = config.ebay;
  if (e.environment === 'emulator') {
    return `emulator (in-process on port ${e.emulatorPort}, seed ${config.emulator.seed}, ${config.emulator.ordersPerSeller} orders per seller, ${config.emulator.liveOrdersPerDay} new ones a day each)`;
  }
  return `${e.environment}, client id ${maskSecret(e.clientId)}, client secret ${maskSecret(e.clientSecret)}`;
}

function ebayHosts(config: Config): string {
  const b = config.ebay.baseUrls;
  const overrides = [
    b.authBaseUrl && `auth ${b.authBaseUrl}`,
    b.apiBaseUrl && `api ${b.apiBaseUrl}`,
    b.apizBaseUrl && `apiz ${b.apizBaseUrl}`,
  ].filter(Boolean);
  if (overrides.length > 0) return overrides.join(', ');
  return config.ebay.environment === 'emulator'
    ? 'the in-process emulator'
    : `eBay ${config.ebay.environment} hosts`;
}
