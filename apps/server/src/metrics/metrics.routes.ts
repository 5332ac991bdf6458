import type { FastifyInstance } from 'fastify';
import type { EbayModule } from '../accounts/ebay.module';
import type { BuildInfo } from '../platform/build-info';
import type { Config } from '../platform/config';
import type { Db } from '../platform/database';
import { handleError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { registerDatabaseCollectors, type PoolStats } from './database.collectors';
import { checkMetricsAccess } from './metrics-access';
import { createMetrics, type AppMetrics } from './metrics';

export const METRICS_PATH = '/metrics';

export interface MetricsDeps {
  config: Config;
  db: Db;
  logger: Logger;
  buildInfo: BuildInfo;
  pool?: PoolStats | undefined;
  ebay?: Pick<EbayModule, 'ledger'> | undefined;
}

/**
 * Counts every HTTP answer and this process's eBay calls, and serves `GET /metrics` (Prometheus text format).
 * Registered on the root instance, before the features, so the response hook sees every route.
 * The route is public for the access hook and does its own check (METRICS_TOKEN or loopback).
 */
export function registerMetrics(app: FastifyInstance, deps: MetricsDeps): AppMetrics {
  const metrics = createMetrics({ buildInfo: deps.buildInfo });
  registerDatabaseCollectors(metrics.registry, deps);

  app.addHook('onResponse', async (request, reply) => {
    metrics.observeHttp({
      method: request.method,
      // The pattern (`/api/accounts/:id`), never the raw URL: unmatched paths share one series.
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      durationMs: reply.elapsedTime,
    });
  });
  const unsubscribe = deps.ebay?.ledger.observe((call) => metrics.observeEbayCall(call));
  if (unsubscribe) app.addHook('onClose', async () => unsubscribe());

  const token = deps.config.metrics.token;
  app.get(METRICS_PATH, { config: { access: 'public' }, logLevel: 'warn' }, async (request, reply) => {
    const denied = checkMetricsAccess(request, token);
    if (denied) return handleError(denied, request, reply);
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
  return metrics;
}
