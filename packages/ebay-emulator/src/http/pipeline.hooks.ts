import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { RouteMeta } from './route-meta';
import { bearerFrom, checkAccessToken } from './bearer-auth';
import { ACCESS_DENIED, INVALID_TOKEN, MISSING_TOKEN, TOO_MANY_REQUESTS, sendRestError, serverErrorFor } from './rest-error';
import { tradingFailureXml } from '../trading/trading-xml';
import { tokenHint } from '../oauth/token.store';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logEntry(state: EmulatorState, request: FastifyRequest, status: number, durationMs: number): void {
  const meta = request.routeOptions.config.meta;
  const token = bearerFrom(request.headers.authorization) ?? (request.headers['x-ebay-api-iaf-token'] as string | undefined);
  state.requestLog.add({
    at: new Date().toISOString(),
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    operation: meta?.operation,
    status,
    durationMs: Math.round(durationMs * 10) / 10,
    tokenHint: tokenHint(token),
    fault: request.emulatorFault,
  });
  if (state.options.logRequests) console.log(`${request.method} ${request.url.split('?')[0]} ${status} ${durationMs.toFixed(1)}ms`);
}

async function injectFault(state: EmulatorState, meta: RouteMeta, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const decision = state.faults.decide(meta.operation);
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  switch (decision.kind) {
    case 'none':
      return false;
    case 'error':
      request.emulatorFault = `error ${decision.status}`;
      if (meta.family === 'trading') {
        reply.code(decision.status).header('content-type', 'text/xml;charset=utf-8').send(tradingFailureXml('GetMyMessages', state.clock.now(), [{ code: '10007', short: 'Internal error to the application.', long: 'Internal error to the application.', severity: 'Error' }]));
      } else {
        sendRestError(reply, decision.status, serverErrorFor(meta.family, decision.status));
      }
      return true;
    case 'rate_limit':
      request.emulatorFault = 'rate_limit';
      reply.header('retry-after', String(decision.retryAfterSeconds));
      sendRestError(reply, 429, TOO_MANY_REQUESTS);
      return true;
    case 'reset':
      request.emulatorFault = 'reset';
      reply.hijack();
      logEntry(state, request, 0, reply.elapsedTime);
      request.raw.socket.destroy();
      return true;
    case 'hang':
      request.emulatorFault = 'hang';
      reply.hijack();
      request.raw.socket.once('close', () => logEntry(state, request, 0, reply.elapsedTime));
      return true;
  }
}

/** Faults, then bearer auth (1002/1001/1100), then the daily quota (2001), then the request log. */
export function registerPipeline(app: FastifyInstance, state: EmulatorState): void {
  app.decorateRequest('ebayAuth', null);
  app.decorateRequest('emulatorFault', undefined);

  app.addHook('onRequest', async (_request, reply) => {
    const id = randomUUID().replace(/-/g, '');
    reply.header('rlogid', `t6${id.slice(0, 24)}`);
    reply.header('x-ebay-c-request-id', `ri=${id.slice(0, 12)},rci=${id.slice(12, 28)}`);
  });

  app.addHook('preHandler', async (request, reply) => {
    const meta = request.routeOptions.config.meta;
    if (!meta) return;
    if (await injectFault(state, meta, request, reply)) return reply;
    if (meta.auth === 'none') return;
    const result = checkAccessToken(state, bearerFrom(request.headers.authorization));
    if (!result.ok) return sendRestError(reply, 401, result.reason === 'missing' ? MISSING_TOKEN : INVALID_TOKEN);
    const { record } = result.auth;
    if (record.kind !== meta.auth) return sendRestError(reply, 403, ACCESS_DENIED);
    if (meta.scopes && !meta.scopes.some((s) => record.scopes.includes(s))) return sendRestError(reply, 403, ACCESS_DENIED);
    request.ebayAuth = result.auth;
    if (meta.quota) {
      const now = state.clock.now();
      const userId = record.sellerNumber === undefined ? undefined : String(record.sellerNumber);
      if (!state.quotas.consume(meta.quota, userId, now)) {
        reply.header('retry-after', String(state.quotas.retryAfterSeconds(meta.quota, now)));
        return sendRestError(reply, 429, TOO_MANY_REQUESTS);
      }
    }
    return;
  });

  // After the fault's delay: the handler sees every live event due by the time it answers.
  app.addHook('preHandler', async () => {
    state.advance();
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/__emulator/')) return;
    logEntry(state, request, reply.statusCode, reply.elapsedTime);
  });
}
