import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { SCOPE } from '../oauth/scopes';
import { sellerOf } from '../http/request-context';

export function registerIdentityRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(
    '/commerce/identity/v1/user/',
    { config: { meta: { operation: 'getUser', family: 'identity', auth: 'user', scopes: [SCOPE.identity], quota: 'identity' } } },
    async (request, reply) => {
      const p = sellerOf(state, request).profile;
      const address = p.countryCode === 'US'
        ? { addressLine1: '2145 Hamilton Avenue', city: 'San Jose', stateOrProvince: 'CA', postalCode: '95125', country: 'US' }
        : p.countryCode === 'GB'
          ? { addressLine1: '1 Poultry', city: 'London', stateOrProvince: 'London', postalCode: 'EC2R 8EJ', country: 'GB' }
          : { addressLine1: 'Albert-Einstein-Ring 2-6', city: 'Kleinmachnow', stateOrProvince: 'Brandenburg', postalCode: '14532', country: 'DE' };
      const email = `${p.username.replace(/[^a-z0-9]/gi, '')}@sellers.ebay.example`;
      const body: Record<string, unknown> = {
        userId: p.userId,
        username: p.username,
        accountType: p.accountType,
        registrationMarketplaceId: p.marketplaceId,
        status: 'CONFIRMED',
      };
      if (p.accountType === 'BUSINESS') {
        body['businessAccount'] = { name: `${p.username} Ltd`, address, email, primaryPhone: { countryCode: '1', number: '4085550100', phoneType: 'LAND_LINE' }, website: `https://www.ebay.com/str/${p.username}` };
      } else {
        body['individualAccount'] = { firstName: 'Sam', lastName: 'Seller', email, registrationAddress: address, primaryPhone: { countryCode: '44', number: '2075550100', phoneType: 'MOBILE' } };
      }
      return reply.send(body);
    },
  );
}
