import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { SCOPE } from '../oauth/scopes';
import { sendRestError } from '../http/rest-error';

export function registerNotificationRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get('/commerce/notification/v1/public_key/:kid', { config: { meta: { operation: 'getPublicKey', family: 'notification', auth: 'app', scopes: [SCOPE.base], quota: 'notification' } } }, async (request, reply) => {
    const { kid } = request.params as { kid: string };
    if (kid !== state.signingKey.kid) {
      return sendRestError(reply, 404, { errorId: 195001, domain: 'API_NOTIFICATION', category: 'REQUEST', message: 'The specified key id is invalid.', parameters: [{ name: 'public_key_id', value: kid }] });
    }
    return reply.send({
      algorithm: 'ECDSA',
      digest: 'SHA1',
      key: `-----BEGIN PUBLIC KEY-----${state.signingKey.publicKeyBase64}-----END PUBLIC KEY-----`,
    });
  });
}
