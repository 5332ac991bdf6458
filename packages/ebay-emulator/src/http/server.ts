import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { EmulatorState } from '../state/emulator-state';
import { registerPipeline } from './pipeline.hooks';
import { registerConsentRoutes } from '../oauth/consent.routes';
import { registerTokenRoutes } from '../oauth/token.routes';
import { registerIdentityRoutes } from '../identity/user.routes';
import { registerOrderRoutes } from '../fulfillment/orders.routes';
import { registerDisputeRoutes } from '../fulfillment/disputes.routes';
import { registerFinanceRoutes } from '../finances/finances.routes';
import { registerInventoryRoutes } from '../inventory/inventory.routes';
import { registerTradingRoutes } from '../trading/trading.routes';
import { registerConversationRoutes } from '../message/conversation.routes';
import { registerAnalyticsRoutes } from '../analytics/rate-limit.routes';
import { registerNotificationRoutes } from '../notification/notification.routes';
import { registerControlRoutes } from '../control/control.routes';
import { sendRestError } from './rest-error';

/** Build the Fastify app serving every eBay host's paths plus the /__emulator control API. */
export async function buildServer(state: EmulatorState): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true, keepAliveTimeout: 30_000, bodyLimit: 5 * 1024 * 1024 });
  await app.register(formbody);
  app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  registerPipeline(app, state);
  registerConsentRoutes(app, state);
  registerTokenRoutes(app, state);
  registerIdentityRoutes(app, state);
  registerOrderRoutes(app, state);
  registerDisputeRoutes(app, state);
  registerFinanceRoutes(app, state);
  registerInventoryRoutes(app, state);
  registerTradingRoutes(app, state);
  registerConversationRoutes(app, state);
  registerAnalyticsRoutes(app, state);
  registerNotificationRoutes(app, state);
  registerControlRoutes(app, state);
  app.setNotFoundHandler((request, reply) =>
    sendRestError(reply, 404, { errorId: 2002, domain: 'ACCESS', category: 'REQUEST', message: 'Resource not found', longMessage: `No resource matches ${request.method} ${request.url.split('?')[0]}` }),
  );
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return sendRestError(reply, status, {
      errorId: status === 500 ? 10001 : 2004,
      domain: 'API_CORE',
      category: status === 500 ? 'APPLICATION' : 'REQUEST',
      message: status === 500 ? 'Internal error' : (error.message ?? 'Bad request'),
    });
  });
  return app;
}
