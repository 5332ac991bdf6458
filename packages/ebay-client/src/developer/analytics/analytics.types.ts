export interface RateLimitRate {
  count?: number;
  limit?: number;
  remaining?: number;
  /** ISO date-time when the window resets. */
  reset?: string;
  /** Seconds. */
  timeWindow?: number;
}

export interface RateLimit {
  apiContext?: string;
  apiName?: string;
  apiVersion?: string;
  resources?: Array<{ name?: string; rates?: RateLimitRate[] }>;
}

export interface RateLimitsResponse {
  rateLimits: RateLimit[];
}
