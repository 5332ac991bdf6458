import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../auth/access.hook';
import { parseOrThrow } from '../platform/validation';
import { safeReturnTo } from './oauth-state.service';
import type { OauthService } from './oauth.service';
import { badStatePage } from './oauth.page';

const startQuery = z.object({
  label: z.string().trim().min(1).max(100).optional(),
  returnTo: z.string().max(500).optional(),
});

const callbackQuery = z
  .object({ code: z.string().max(4096).optional(), state: z.string().max(500).optional(), error: z.string().max(200).optional() })
  .loose();

export const CALLBACK_PATH = '/api/ebay/oauth/callback';

/** The callback URL carries the authorization code and the state: request logs show the path only. */
function serializeCallbackRequest(req: FastifyRequest) {
  return { method: req.method, url: CALLBACK_PATH, remoteAddress: req.ip };
}

export function oauthRoutes(deps: { oauth: OauthService }) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/ebay/oauth/start', { config: { access: 'operator' } }, async (request, reply) => {
      const { user } = requireAuth(request);
      const q = parseOrThrow(startQuery, request.query);
      const authorizeUrl = await deps.oauth.start({ userId: user.id, label: q.label ?? null, returnTo: safeReturnTo(q.returnTo) });
      request.log.info({ userId: user.id }, 'oauth start');
      if ((request.headers.accept ?? '').includes('application/json')) return { authorizeUrl };
      return reply.redirect(authorizeUrl, 302);
    });

    // Public: the browser arrives from eBay; who started the flow is known from the state.
    app.get(CALLBACK_PATH, { config: { access: 'public' }, logSerializers: { req: serializeCallbackRequest } }, async (request, reply) => {
      const parsed = callbackQuery.safeParse(request.query);
      const query = parsed.success ? parsed.data : {};
      request.log.info({ hasCode: Boolean(query.code), hasState: Boolean(query.state), error: query.error }, 'oauth callback start');
      let outcome;
      try {
        outcome = await deps.oauth.callback(query, request.id, request.log);
      } catch (err) {
        request.log.error({ err }, 'oauth callback failed');
        outcome = { kind: 'redirect' as const, location: `/accounts?error=callback_failed&requestId=${encodeURIComponent(request.id)}` };
      }
      if (outcome.kind === 'bad_state') {
        request.log.info({ reason: outcome.reason, status: 400 }, 'oauth callback end');
        return reply.status(400).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(badStatePage(outcome.reason, request.id));
      }
      request.log.info({ status: 302, location: outcome.location.split('?')[0], accountId: outcome.accountId }, 'oauth callback end');
      return reply.header('cache-control', 'no-store').redirect(outcome.location, 302);
    });
  };
}
