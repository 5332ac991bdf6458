import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { QUOTA_DESCRIPTORS, type QuotaApi } from '../quotas/quota-config';
import { SCOPE } from '../oauth/scopes';
import { queryOf, single } from '../http/request-context';
import { iso } from '../util/time';

const USER_SCOPES = [SCOPE.inventory, SCOPE.inventoryReadonly, SCOPE.insightsReadonly, SCOPE.catalogReadonly, SCOPE.marketing, SCOPE.marketingReadonly];
const USER_LEVEL: QuotaApi[] = ['fulfillment', 'paymentDispute', 'finances', 'inventory', 'identity', 'trading', 'message'];

function rateLimits(state: EmulatorState, request: FastifyRequest, reply: FastifyReply, userId: string | undefined): FastifyReply {
  const q = queryOf(request);
  const context = single(q, 'api_context')?.toLowerCase();
  const name = single(q, 'api_name')?.toLowerCase();
  const now = state.clock.now();
  const groups = new Map<string, { apiContext: string; apiName: string; apiVersion: string; resources: unknown[] }>();
  const apis = userId === undefined ? (Object.keys(QUOTA_DESCRIPTORS) as QuotaApi[]) : USER_LEVEL;
  for (const api of apis) {
    const d = QUOTA_DESCRIPTORS[api];
    if (context && d.apiContext.toLowerCase() !== context) continue;
    if (name && d.apiName.toLowerCase() !== name) continue;
    const key = `${d.apiContext}|${d.apiName}|${d.apiVersion}`;
    let group = groups.get(key);
    if (!group) {
      group = { apiContext: d.apiContext, apiName: d.apiName, apiVersion: d.apiVersion, resources: [] };
      groups.set(key, group);
    }
    const s = state.quotas.snapshot(api, userId, now);
    group.resources.push({ name: d.resource, rates: [{ count: s.count, limit: s.limit, remaining: s.remaining, reset: iso(s.reset), timeWindow: 86400 }] });
  }
  if (groups.size === 0) return reply.code(204).send();
  return reply.send({ rateLimits: [...groups.values()] });
}

export function registerAnalyticsRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get('/developer/analytics/v1_beta/rate_limit/', { config: { meta: { operation: 'getRateLimits', family: 'analytics', auth: 'app', scopes: [SCOPE.base], quota: 'analytics' } } }, async (request, reply) =>
    rateLimits(state, request, reply, undefined),
  );
  app.get('/developer/analytics/v1_beta/user_rate_limit/', { config: { meta: { operation: 'getUserRateLimits', family: 'analytics', auth: 'user', scopes: USER_SCOPES, quota: 'analytics' } } }, async (request, reply) =>
    rateLimits(state, request, reply, String(request.ebayAuth?.record.sellerNumber ?? '')),
  );
}
