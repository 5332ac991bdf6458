import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role, User } from '@ebay-connector/contract';
import { buildApp, type AppDeps } from '../../src/app';
import { createUsersService } from '../../src/auth/users.service';
import { SESSION_COOKIE } from '../../src/auth/session-token';
import { loadConfig, type Config } from '../../src/platform/config';
import type { Db } from '../../src/platform/database';
import { latestVersion, loadMigrations } from '../../src/platform/migrations';
import { createTestDatabase, type TestDatabase } from './database';
import { testLogger } from './silent-logger';

export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdef0123456789';

export interface TestUser {
  user: User;
  email: string;
  password: string;
}

export interface Session {
  token: string;
  /** `ebc_session=<token>`, ready for a `cookie` header. */
  cookie: string;
  user: User;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  config: Config;
  createUser(role: Role, overrides?: { email?: string; password?: string }): Promise<TestUser>;
  loginAs(role: Role): Promise<Session>;
  login(email: string, password: string): Promise<Session>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables, parsed by the real config schema. */
  env?: Record<string, string>;
  /** Collects every log line (parsed JSON) when given. */
  logLines?: Record<string, unknown>[];
  /** Reuse a database (default: a fresh clone of the template). */
  database?: TestDatabase;
  /** Replace or add dependencies (later features). */
  deps?: Partial<AppDeps>;
  /** Called before `ready()`: register extra routes for a test. */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

/** The real app on a fresh database, not listening (use `app.inject()`), plus user and login helpers. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logger = testLogger(options.logLines);
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: database.url,
    APP_SECRET: TEST_APP_SECRET,
    LOG_LEVEL: 'info',
    DATA_DIR: '/nonexistent-test-data-dir',
    ...options.env,
  });
  const app = await buildApp({
    config,
    db: database.db,
    logger,
    appSecret: TEST_APP_SECRET,
    buildInfo: { version: '0.0.0-test', commit: 'test', builtAt: '2020-01-01T00:00:00.000Z' },
    latestMigration: latestVersion(loadMigrations()),
    ...options.deps,
  });
  await options.beforeReady?.(app);
  await app.ready();
  const users = createUsersService({ db: database.db });

  async function createUser(role: Role, overrides: { email?: string; password?: string } = {}): Promise<TestUser> {
    const email = overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`;
    const password = overrides.password ?? `pw-${randomBytes(8).toString('hex')}`;
    const user = await users.create({ email, password, role });
    return { user, email, password };
  }

  async function login(email: string, password: string): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const body = res.json<{ token: string; user: User }>();
    return { token: body.token, cookie: `${SESSION_COOKIE}=${body.token}`, user: body.user };
  }

  return {
    app,
    db: database.db,
    database,
    config,
    createUser,
    login,
    async loginAs(role) {
      const u = await createUser(role);
      return login(u.email, u.password);
    },
    async close() {
      await app.close();
      if (!options.database) await database.destroy();
    },
  };
}
