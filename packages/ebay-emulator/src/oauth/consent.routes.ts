import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { acceptPage, consentPage, errorPage } from './consent.page';
import { USER_SCOPES, splitScopes } from './scopes';

/** The authorization code is valid for 299 seconds, as eBay's `expires_in=299`. */
export const CODE_LIFETIME_SECONDS = 299;

type Query = Record<string, string | undefined>;

function acceptUrl(state: EmulatorState): string {
  return state.app.acceptUrl ?? `${state.baseUrl}/__emulator/accept`;
}

function redirectWith(reply: FastifyReply, base: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return reply.redirect(url.toString(), 302);
}

export function registerConsentRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get('/oauth2/authorize', async (request, reply) => {
    const q = request.query as Query;
    if (q['client_id'] !== state.app.clientId) {
      return reply.code(400).type('text/html').send(errorPage('Invalid request', 'The client_id is not valid. Contact the application developer.'));
    }
    if (q['redirect_uri'] !== state.app.ruName) {
      return reply.code(400).type('text/html').send(errorPage('Invalid request', 'The redirect_uri does not match a RuName of this application.'));
    }
    if (q['response_type'] !== 'code') {
      return redirectWith(reply, acceptUrl(state), { error: 'unsupported_response_type', error_description: 'response_type must be code', state: q['state'] });
    }
    const scopes = splitScopes(q['scope']);
    if (scopes.length === 0 || scopes.some((s) => !USER_SCOPES.includes(s))) {
      return redirectWith(reply, acceptUrl(state), { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client.', state: q['state'] });
    }
    return reply.type('text/html').send(consentPage({ clientId: state.app.clientId, ruName: state.app.ruName, scopes, state: q['state'], sellers: state.sellers }));
  });

  app.post('/oauth2/authorize/decision', async (request, reply) => {
    const b = (request.body ?? {}) as Query;
    if (b['client_id'] !== state.app.clientId || b['redirect_uri'] !== state.app.ruName) {
      return reply.code(400).type('text/html').send(errorPage('Invalid request', 'The consent form was tampered with.'));
    }
    const scopes = splitScopes(b['scope']);
    if (scopes.length === 0 || scopes.some((s) => !USER_SCOPES.includes(s))) {
      return redirectWith(reply, acceptUrl(state), { error: 'invalid_scope', state: b['state'] || undefined });
    }
    const stateParam = b['state'] ? b['state'] : undefined;
    if (b['decision'] !== 'agree') {
      return redirectWith(reply, acceptUrl(state), { error: 'access_denied', error_description: 'The user declined the consent request.', state: stateParam });
    }
    const seller = state.sellers.find((s) => s.profile.username === b['seller']);
    if (!seller) return reply.code(400).type('text/html').send(errorPage('Invalid request', 'Choose an account to sign in as.'));
    const code = state.tokens.issueCode({
      sellerNumber: seller.number,
      scopes,
      expiresAt: state.clock.now() + CODE_LIFETIME_SECONDS * 1000,
      used: false,
    });
    return redirectWith(reply, acceptUrl(state), { state: stateParam, code, expires_in: String(CODE_LIFETIME_SECONDS) });
  });

  app.get('/__emulator/accept', async (request, reply) => {
    const q = request.query as Record<string, string>;
    return reply.type('text/html').send(acceptPage(q));
  });
}
