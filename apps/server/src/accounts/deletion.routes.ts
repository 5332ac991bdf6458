import type { FastifyInstance } from 'fastify';
import { AppError } from '../platform/errors';
import { challengeResponse } from './deletion-signature';
import type { DeletionService } from './deletion.service';

export interface DeletionEndpointConfig {
  /** `null`: not configured; the endpoint answers 404. */
  verificationToken: string | null;
  /** The exact URL registered with eBay (part of the challenge hash). */
  endpointUrl: string;
}

export const DELETION_PATH = '/api/ebay/notifications/account-deletion';

/** eBay's Marketplace Account Deletion endpoint: challenge (GET) and signed notifications (POST). Public. */
export function deletionRoutes(deps: { deletion: DeletionService; config: DeletionEndpointConfig }) {
  const notConfigured = () =>
    new AppError(404, 'not_found', 'Account deletion notifications are not configured (EBAY_DELETION_VERIFICATION_TOKEN)');
  return async function register(app: FastifyInstance): Promise<void> {
    app.get(DELETION_PATH, { config: { access: 'public' } }, async (request, reply) => {
      const token = deps.config.verificationToken;
      if (token === null) throw notConfigured();
      const code = (request.query as { challenge_code?: unknown }).challenge_code;
      if (typeof code !== 'string' || code === '' || code.length > 1024) {
        throw new AppError(400, 'bad_request', 'challenge_code is required');
      }
      return reply
        .type('application/json')
        .send({ challengeResponse: challengeResponse(code, token, deps.config.endpointUrl) });
    });

    app.post(DELETION_PATH, { config: { access: 'public' } }, async (request, reply) => {
      if (deps.config.verificationToken === null) throw notConfigured();
      const header = request.headers['x-ebay-signature'];
      let outcome;
      try {
        outcome = await deps.deletion.handle(request.body, typeof header === 'string' ? header : undefined);
      } catch (err) {
        // eBay's key could not be fetched: answer non-2xx so eBay retries later.
        request.log.warn({ err }, 'account deletion notification could not be verified');
        throw new AppError(503, 'ebay_unavailable', 'Could not verify the notification right now', undefined, { 'retry-after': '60' });
      }
      if (outcome.kind === 'bad_signature') {
        request.log.warn({ reason: outcome.reason }, 'account deletion notification refused');
        throw new AppError(412, 'signature_invalid', 'The X-EBAY-SIGNATURE header does not verify');
      }
      request.log.info({ outcome: outcome.kind, notificationId: 'notificationId' in outcome ? outcome.notificationId : null }, 'account deletion notification');
      return reply.status(204).send();
    });
  };
}
