import { Transport } from '../../core/http';
import { pathSegment } from '../../core/query';
import type { CallOptions } from '../../core/types';
import type { NotificationPublicKey } from './notification.types';

const API = 'commerce.notification';

export interface NotificationClient {
  /** Public key for a notification signature `kid`; uses an application token. Cache the result (~1 hour). */
  getPublicKey(publicKeyId: string, options?: CallOptions): Promise<NotificationPublicKey>;
}

/** eBay returns the PEM on one line: re-wrap it so `crypto.createPublicKey` accepts it. */
export function publicKeyToPem(key: string): string {
  const match = /-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----/.exec(key);
  const body = (match?.[1] ?? key).replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

export function createNotificationClient(transport: Transport): NotificationClient {
  return {
    getPublicKey: (publicKeyId, options = {}) =>
      transport.request(
        {
          api: API,
          operation: 'getPublicKey',
          method: 'GET',
          host: 'api',
          path: `/commerce/notification/v1/public_key/${pathSegment(publicKeyId)}`,
          auth: 'app',
          parse: Transport.jsonBody<NotificationPublicKey>({ api: API, operation: 'getPublicKey' }),
        },
        options,
      ),
  };
}
