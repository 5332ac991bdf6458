import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EbaySettings } from '../accounts/ebay-settings';
import type { SyncSettings } from '../sync/sync-settings';

/** Repository root, used to resolve the default web UI folder. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const emptyToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));
const bool = (def: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );
const postgresUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
);
const httpUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((v) => /^https?:\/\/[^/]+/.test(v) && URL.canParse(v), 'must be an http(s) URL')
    .optional(),
);

/** Every environment variable the server reads; README.md documents each one. */
export const envSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.preprocess(emptyToUndefined, z.string().default('localhost')),
  PUBLIC_URL: httpUrl,
  ALLOWED_ORIGINS: z.preprocess(emptyToUndefined, z.string().default('')),
  TRUST_PROXY: bool(false),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 100 * 1_048_576),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.data')),
  WEB_DIST_DIR: optionalString,
  DATABASE_URL: postgresUrl,
  MIGRATIONS_URL: postgresUrl,
  EMBEDDED_PG_PORT: int(54329, 1, 65535),
  DB_POOL_MAX: int(10, 1, 1000),
  DB_CONNECT_TIMEOUT_MS: int(5000, 100, 600_000),
  DB_STATEMENT_TIMEOUT_MS: int(30_000, 0, 86_400_000),
  DB_IDLE_TIMEOUT_MS: int(30_000, 0, 86_400_000),
  DB_KEEPALIVE: bool(true),
  DB_KEEPALIVE_INITIAL_DELAY_MS: int(10_000, 0, 3_600_000),
  DB_STARTUP_RETRIES: int(10, 0, 1000),
  DB_STARTUP_RETRY_DELAY_MS: int(500, 10, 60_000),
  DB_STARTUP_RETRY_MAX_DELAY_MS: int(10_000, 10, 600_000),
  APP_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  SESSION_TTL_HOURS: int(168, 1, 24 * 365),
  LOGIN_MAX_FAILURES_PER_EMAIL: int(5, 1, 10_000),
  LOGIN_MAX_FAILURES_PER_IP: int(20, 1, 100_000),
  LOGIN_FAILURE_WINDOW_MINUTES: int(15, 1, 24 * 60),
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(10, 'must be at least 10 characters').optional()),
  EBAY_ENV: z.preprocess(emptyToUndefined, z.enum(['emulator', 'sandbox', 'production']).default('emulator')),
  EBAY_CLIENT_ID: optionalString,
  EBAY_CLIENT_SECRET: optionalString,
  EBAY_RUNAME: optionalString,
  EBAY_AUTH_BASE_URL: httpUrl,
  EBAY_API_BASE_URL: httpUrl,
  EBAY_APIZ_BASE_URL: httpUrl,
  EMULATOR_PORT: int(4010, 0, 65535),
  EMULATOR_SEED: int(42, 0, 2 ** 31 - 1),
  EMULATOR_ORDERS: int(2000, 0, 10_000_000),
  EMULATOR_LIVE_ORDERS_PER_DAY: int(24, 0, 10_000),
  APP_SECRET_PREVIOUS: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  FEATURE_DEBUG_ENDPOINTS: bool(false),
  EBAY_DELETION_VERIFICATION_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{32,80}$/, 'must be 32-80 characters of A-Z a-z 0-9 _ -')
      .optional(),
  ),
  EBAY_DELETION_ENDPOINT_URL: httpUrl,
  LEDGER_BODY_MAX_BYTES: int(16_384, 0, 10 * 1_048_576),
  LEDGER_RETENTION_DAYS: int(30, 1, 3650),
  EVENTS_RETENTION_HOURS: int(24, 1, 24 * 365),
  EVENTS_HEARTBEAT_MS: int(15_000, 100, 600_000),
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  SYNC_CONCURRENCY: int(2, 1, 64),
  SYNC_FETCH_CONCURRENCY: int(8, 1, 64),
  SYNC_OVERLAP_MINUTES: int(15, 0, 7 * 24 * 60),
  SYNC_CANCEL_POLL_MS: int(500, 50, 10_000),
  SYNC_HEARTBEAT_STALE_SECONDS: int(30, 2, 3600),
  SYNC_ORDER_CANCEL_DETAILS: bool(true),
  SYNC_FULL_REFRESH_HOURS: int(24, 0, 24 * 365),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Origin the browser uses to reach the app; `null` means "derive it from the Host header". */
  readonly publicUrl: string | null;
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly dataDir: string;
  readonly webDistDir: string;
  readonly database: {
    /** `null`: start the embedded PostgreSQL under `dataDir`. */
    readonly url: string | null;
    readonly migrationsUrl: string | null;
    readonly embeddedPort: number;
    readonly poolMax: number;
    readonly connectTimeoutMs: number;
    readonly statementTimeoutMs: number;
    readonly idleTimeoutMs: number;
    readonly keepAlive: boolean;
    readonly keepAliveInitialDelayMs: number;
    readonly startupRetries: number;
    readonly startupRetryDelayMs: number;
    readonly startupRetryMaxDelayMs: number;
  };
  /** `null`: generated on first start and kept in `dataDir/app-secret`. */
  readonly appSecret: string | null;
  readonly auth: {
    readonly sessionTtlHours: number;
    readonly cookieSecure: boolean;
    readonly maxFailuresPerEmail: number;
    readonly maxFailuresPerIp: number;
    readonly failureWindowMinutes: number;
    readonly adminEmail: string | null;
    readonly adminPassword: string | null;
  };
  /** eBay keyset, hosts and the eBay feature's settings. */
  readonly ebay: EbaySettings;
  /** The in-process emulator started by `npm start` when `EBAY_ENV=emulator`. */
  readonly emulator: { readonly seed: number; readonly ordersPerSeller: number; readonly liveOrdersPerDay: number };
  /** `/metrics`: bearer token required when set; loopback clients only when `null`. */
  readonly metrics: { readonly token: string | null };
  /** Sync engine tuning (SYNC_*). */
  readonly sync: SyncSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parses the environment once. Throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const allowedOrigins = e.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      if (!URL.canParse(o)) problems.push(`ALLOWED_ORIGINS: "${o}" is not a URL`);
      return URL.canParse(o) ? new URL(o).origin : o;
    });
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (e.MIGRATIONS_URL && !e.DATABASE_URL) problems.push('MIGRATIONS_URL: only meaningful with DATABASE_URL');
  if (e.EBAY_ENV !== 'emulator') {
    for (const name of ['EBAY_CLIENT_ID', 'EBAY_CLIENT_SECRET', 'EBAY_RUNAME'] as const) {
      if (!e[name]) problems.push(`${name}: required when EBAY_ENV=${e.EBAY_ENV}`);
    }
  }
  if (e.EBAY_ENV === 'production' && !e.EBAY_DELETION_VERIFICATION_TOKEN) {
    problems.push('EBAY_DELETION_VERIFICATION_TOKEN: required when EBAY_ENV=production (marketplace account deletion)');
  }
  if (e.EBAY_DELETION_ENDPOINT_URL && e.EBAY_ENV === 'production' && !e.EBAY_DELETION_ENDPOINT_URL.startsWith('https:')) {
    problems.push('EBAY_DELETION_ENDPOINT_URL: eBay only calls https endpoints');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null;
  return deepFreeze<Config>({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    allowedOrigins,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    dataDir: abs(e.DATA_DIR),
    webDistDir: e.WEB_DIST_DIR ? abs(e.WEB_DIST_DIR) : resolve(repoRoot, 'apps/web/dist'),
    database: {
      url: e.DATABASE_URL ?? null,
      migrationsUrl: e.MIGRATIONS_URL ?? null,
      embeddedPort: e.EMBEDDED_PG_PORT,
      poolMax: e.DB_POOL_MAX,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleTimeoutMs: e.DB_IDLE_TIMEOUT_MS,
      keepAlive: e.DB_KEEPALIVE,
      keepAliveInitialDelayMs: e.DB_KEEPALIVE_INITIAL_DELAY_MS,
      startupRetries: e.DB_STARTUP_RETRIES,
      startupRetryDelayMs: e.DB_STARTUP_RETRY_DELAY_MS,
      startupRetryMaxDelayMs: e.DB_STARTUP_RETRY_MAX_DELAY_MS,
    },
    appSecret: e.APP_SECRET ?? null,
    auth: {
      sessionTtlHours: e.SESSION_TTL_HOURS,
      cookieSecure: publicUrl?.startsWith('https:') ?? false,
      maxFailuresPerEmail: e.LOGIN_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      failureWindowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
      adminEmail: e.ADMIN_EMAIL?.toLowerCase() ?? null,
      adminPassword: e.ADMIN_PASSWORD ?? null,
    },
    ebay: {
      environment: e.EBAY_ENV,
      clientId: e.EBAY_CLIENT_ID ?? '',
      clientSecret: e.EBAY_CLIENT_SECRET ?? '',
      ruName: e.EBAY_RUNAME ?? '',
      baseUrls: {
        ...(e.EBAY_AUTH_BASE_URL ? { authBaseUrl: e.EBAY_AUTH_BASE_URL.replace(/\/+$/, '') } : {}),
        ...(e.EBAY_API_BASE_URL ? { apiBaseUrl: e.EBAY_API_BASE_URL.replace(/\/+$/, '') } : {}),
        ...(e.EBAY_APIZ_BASE_URL ? { apizBaseUrl: e.EBAY_APIZ_BASE_URL.replace(/\/+$/, '') } : {}),
      },
      emulatorPort: e.EMULATOR_PORT,
      demoLiveOrdersPerDay: null,
      appSecretPrevious: e.APP_SECRET_PREVIOUS ?? null,
      debugEndpoints: e.FEATURE_DEBUG_ENDPOINTS,
      deletion: {
        verificationToken: e.EBAY_DELETION_VERIFICATION_TOKEN ?? null,
        endpointUrl: e.EBAY_DELETION_ENDPOINT_URL ?? null,
      },
      ledger: { bodyMaxBytes: e.LEDGER_BODY_MAX_BYTES, retentionDays: e.LEDGER_RETENTION_DAYS },
      events: { retentionHours: e.EVENTS_RETENTION_HOURS, heartbeatMs: e.EVENTS_HEARTBEAT_MS },
    },
    emulator: { seed: e.EMULATOR_SEED, ordersPerSeller: e.EMULATOR_ORDERS, liveOrdersPerDay: e.EMULATOR_LIVE_ORDERS_PER_DAY },
    metrics: { token: e.METRICS_TOKEN ?? null },
    sync: {
      workerConcurrency: e.SYNC_CONCURRENCY,
      fetchConcurrency: e.SYNC_FETCH_CONCURRENCY,
      overlapMs: e.SYNC_OVERLAP_MINUTES * 60_000,
      cancelPollMs: e.SYNC_CANCEL_POLL_MS,
      heartbeatStaleMs: e.SYNC_HEARTBEAT_STALE_SECONDS * 1000,
      sweepIntervalMs: Math.min(10_000, e.SYNC_HEARTBEAT_STALE_SECONDS * 500),
      scheduleIntervalMs: 30_000,
      maxAttempts: 5,
      retryBaseMs: 1000,
      stopWaitMs: 2500,
      pollingIntervalSeconds: 1,
      orderCancelDetails: e.SYNC_ORDER_CANCEL_DETAILS,
      fullRefreshMs: e.SYNC_FULL_REFRESH_HOURS * 3_600_000,
      queue: { retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 6 * 3600 },
    },
  });
}

/** Returns a copy of `config` with some fields replaced (tests, CLIs); still frozen. */
export function withConfig(config: Config, patch: Partial<Config>): Config {
  return deepFreeze({ ...structuredClone(config), ...patch });
}
