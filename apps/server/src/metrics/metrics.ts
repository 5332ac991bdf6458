import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EbayCallRecord } from '@ebay-connector/ebay-client';
import type { BuildInfo } from '../platform/build-info';

/** Prefix of every series this app exposes (process metrics keep prom-client's standard names). */
export const PREFIX = 'ebay_connector_';

/** `2xx`..`5xx`; `none` when no response arrived (eBay network errors, timeouts). */
export function statusClass(status: number | null | undefined): string {
  if (status === null || status === undefined || status < 100 || status > 599) return 'none';
  return `${Math.floor(status / 100)}xx`;
}

/**
 * One registry per app (never prom-client's global default): two apps in one process (tests) or a later
 * worker endpoint each get their own series. Counters and histograms here move as this process works;
 * figures that live in the database are read at scrape time (`database.collectors.ts`).
 */
export interface AppMetrics {
  readonly registry: Registry;
  observeHttp(input: { method: string; route: string; status: number; durationMs: number }): void;
  observeEbayCall(call: Pick<EbayCallRecord, 'api' | 'operation' | 'status' | 'durationMs'>): void;
}

export function createMetrics(deps: { buildInfo: BuildInfo }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const build = new Gauge({
    name: `${PREFIX}build_info`,
    help: 'Always 1; the labels carry the running version and commit',
    labelNames: ['version', 'commit'],
    registers: [registry],
  });
  build.set({ version: deps.buildInfo.version, commit: deps.buildInfo.commit }, 1);

  const httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route pattern (unmatched for no route) and status class',
    labelNames: ['method', 'route', 'status_class'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer an HTTP request, by route pattern',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ebayCalls = new Counter({
    name: `${PREFIX}ebay_calls_total`,
    help: 'eBay HTTP attempts made by this process, by API family, operation and status class',
    labelNames: ['api', 'operation', 'status_class'],
    registers: [registry],
  });
  const ebayDuration = new Histogram({
    name: `${PREFIX}ebay_call_duration_seconds`,
    help: 'Duration of eBay HTTP attempts made by this process, by API family',
    labelNames: ['api'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });

  return {
    registry,
    observeHttp({ method, route, status, durationMs }) {
      httpRequests.inc({ method, route, status_class: statusClass(status) });
      httpDuration.observe({ route }, durationMs / 1000);
    },
    observeEbayCall(call) {
      ebayCalls.inc({ api: call.api, operation: call.operation, status_class: statusClass(call.status) });
      ebayDuration.observe({ api: call.api }, call.durationMs / 1000);
    },
  };
}
