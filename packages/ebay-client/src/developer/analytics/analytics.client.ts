import { Transport } from '../../core/http';
import type { CallOptions } from '../../core/types';
import type { RateLimitsResponse } from './analytics.types';

const API = 'developer.analytics';
const BASE = '/developer/analytics/v1_beta';

export interface RateLimitParams extends CallOptions {
  /** e.g. `sell`, `commerce`, `developer`, `TradingAPI`. */
  readonly apiContext?: string | undefined;
  /** e.g. `fulfillment`, `Finances`. */
  readonly apiName?: string | undefined;
}

export interface AnalyticsClient {
  /** Application quotas; uses an application token. */
  getRateLimits(params?: RateLimitParams): Promise<RateLimitsResponse>;
  /** This user's quotas; uses the user token. */
  getUserRateLimits(params?: RateLimitParams): Promise<RateLimitsResponse>;
}

export function createAnalyticsClient(transport: Transport): AnalyticsClient {
  const call = (operation: string, path: string, auth: 'app' | 'user', params: RateLimitParams) =>
    transport
      .request(
        {
          api: API,
          operation,
          method: 'GET',
          host: 'api',
          path: `${BASE}${path}`,
          query: { api_context: params.apiContext, api_name: params.apiName },
          auth,
          parse: Transport.json<RateLimitsResponse>({ api: API, operation }),
        },
        params,
      )
      .then((body): RateLimitsResponse => ({ ...body, rateLimits: body?.rateLimits ?? [] }));
  return {
    getRateLimits: (params = {}) => call('getRateLimits', '/rate_limit/', 'app', params),
    getUserRateLimits: (params = {}) => call('getUserRateLimits', '/user_rate_limit/', 'user', params),
  };
}
