/** Probabilistic faults for one operation (or every operation under the key "*"). Rates are 0..1. */
export interface EndpointFaults {
  errorRate?: number;
  /** Statuses drawn from for injected errors (default [500, 502, 503]). */
  statuses?: number[];
  resetRate?: number;
  hangRate?: number;
  rateLimitRate?: number;
}

/** A one-shot fault consumed by the next matching request. */
export interface QueuedFault {
  kind: 'error' | 'reset' | 'hang' | 'rate_limit';
  /** Operation name (e.g. getOrders) or "*" (default). */
  operation?: string;
  status?: number;
  retryAfterSeconds?: number;
  /** How many consecutive matching requests it applies to (a burst). Default 1. */
  count?: number;
}

export interface FaultConfig {
  latencyMs: number;
  jitterMs: number;
  endpoints: Record<string, EndpointFaults>;
  queue: QueuedFault[];
}
