import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { EbayModule } from './accounts/ebay.module';
import type { SyncModule } from './sync/sync.module';
import { createAccessHook } from './auth/access.hook';
import { authRoutes } from './auth/auth.routes';
import { createAuthService, type AuthService } from './auth/auth.service';
import { userRoutes } from './auth/users.routes';
import { createUsersService, type UsersService } from './auth/users.service';
import type { PoolStats } from './metrics/database.collectors';
import { registerMetrics } from './metrics/metrics.routes';
import type { BuildInfo } from './platform/build-info';
import type { Config } from './platform/config';
import type { Db } from './platform/database';
import { handleClientError } from './platform/client-errors';
import { AppError, handleError } from './platform/errors';
import type { Logger } from './platform/logger';
import type { PgListener } from './platform/pg-listener';
import { requestIdFrom } from './platform/request-id';
import { collectRoutes } from './platform/route-access';
import { registerWebUi } from './platform/web-ui';
import { systemRoutes } from './system/system.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { adminSystemRoutes } from './admin-system/admin-system.routes';

/** What `main.ts` (or a test) hands the app. Later features add their dependencies here. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** APP_SECRET or the generated one from DATA_DIR; for encrypting data at rest. */
  appSecret: string;
  buildInfo: BuildInfo;
  /** Highest migration version this release ships (for /healthz/db). */
  latestMigration: number;
  /** eBay accounts, tokens, call ledger and live events (absent in tests that do not need eBay). */
  ebay?: EbayModule;
  /** Sync engine and the read APIs over synced data (absent in tests that do not need them). */
  sync?: SyncModule;
  /** The pg pool behind `db`, for the pool gauges of `/metrics` (left out when absent). */
  pool?: PoolStats;
  /** The process's LISTEN connection: session notices from other processes (see `auth.service.ts`). */
  listener?: PgListener;
}

/** Services built once per app from the deps, shared by routes and hooks. */
export interface AppServices {
  auth: AuthService;
  users: UsersService;
}

type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/** Every feature's routes. Adding a feature is one line here. */
function features(deps: AppDeps & AppServices): RoutePlugin[] {
  return [systemRoutes(deps), authRoutes(deps), userRoutes(deps), ...(deps.ebay?.routes ?? []), ...(deps.sync?.routes ?? []), dashboardRoutes(deps), adminSystemRoutes(deps)];
}

/**
 * Request bodies are JSON (Fastify's parser, with its prototype-poisoning checks). An empty JSON body is no body:
 * clients that always send `Content-Type: application/json` post STOP or a refresh with nothing in it. `text/plain`
 * is refused with 415 instead of reaching a route as a string that then fails validation.
 */
function acceptJsonOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, logger } = deps;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps FastifyInstance at its default generics.
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestIdFrom,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Bad percent-encoding or an over-long path parameter: answered before routing, still in the envelope.
    frameworkErrors: (err, request, reply) => {
      reply.header('x-request-id', request.id);
      return handleError(err, request, reply);
    },
    clientErrorHandler: handleClientError,
  });
  const auth = createAuthService(deps);
  const services: AppServices = { auth, users: createUsersService({ ...deps, sessions: auth }) };

  collectRoutes(app);
  acceptJsonOnly(app);
  app.decorateRequest('auth', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifyCookie);
  // Responses of 1 KB or more (JSON, CSV exports, the UI's files without a compressed copy) are compressed for
  // clients that accept it (brotli at a fast level, or gzip); the live event stream never is. Request bodies sent
  // compressed are inflated, within BODY_LIMIT_BYTES.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  app.addHook('onRequest', createAccessHook({ config, auth: services.auth }));
  app.setErrorHandler((err, request, reply) => handleError(err, request, reply));
  registerMetrics(app, deps);

  const webFallback = await registerWebUi(app, config.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD')) return webFallback(request, reply);
    return handleError(new AppError(404, 'not_found', `No route for ${request.method} ${path}`), request, reply);
  });

  for (const plugin of features({ ...deps, ...services })) await app.register(plugin);
  return app;
}
