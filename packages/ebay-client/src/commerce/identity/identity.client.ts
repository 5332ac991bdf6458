import { Transport } from '../../core/http';
import type { CallOptions } from '../../core/types';
import type { EbayUser } from './identity.types';

const API = 'commerce.identity';

export interface IdentityClient {
  /** `GET /commerce/identity/v1/user/` on the apiz host (scope commerce.identity.readonly). */
  getUser(options?: CallOptions): Promise<EbayUser>;
}

export function createIdentityClient(transport: Transport): IdentityClient {
  return {
    getUser: (options = {}) =>
      transport.request(
        {
          api: API,
          operation: 'getUser',
          method: 'GET',
          host: 'apiz',
          path: '/commerce/identity/v1/user/',
          auth: 'user',
          parse: Transport.jsonBody<EbayUser>({ api: API, operation: 'getUser' }),
        },
        options,
      ),
  };
}
