import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { TradingError } from './trading-xml';
import { buildTradingXml, parseTradingXml, tradingFailureXml } from './trading-xml';
import { checkAccessToken } from '../http/bearer-auth';
import { getMyMessages, type CallResult } from './my-messages.call';
import { getMyeBayBuying } from './my-ebay-buying.call';
import type { SellerDataset } from '../data/seller-dataset';

const CALLS: Record<string, (ds: SellerDataset, request: Record<string, unknown>, now: number) => CallResult> = {
  GetMyMessages: (ds, r) => getMyMessages(ds, r),
  GetMyeBayBuying: getMyeBayBuying,
};

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function fail(reply: FastifyReply, callName: string, now: number, errors: TradingError[]): FastifyReply {
  return reply.code(200).header('content-type', 'text/xml;charset=utf-8').send(tradingFailureXml(callName || 'Generic', now, errors));
}

function missingHeader(name: string): TradingError {
  return { code: '37', short: 'Input data is invalid.', long: `Header ${name} is missing or invalid.`, severity: 'Error', parameters: [name] };
}

/** Trading API (XML over POST /ws/api.dll). Auth via X-EBAY-API-IAF-TOKEN; errors are HTTP 200 with Ack Failure. */
export function registerTradingRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/ws/api.dll', { config: { meta: { operation: 'trading', family: 'trading', auth: 'none' } } }, async (request, reply) => {
    const now = state.clock.now();
    const callName = header(request.headers['x-ebay-api-call-name']) ?? '';
    const handler = CALLS[callName];
    if (!handler) {
      return fail(reply, callName, now, [{ code: '2', short: 'Unsupported API call.', long: `The API call "${callName}" is invalid or not supported in this release.`, severity: 'Error' }]);
    }
    const siteId = header(request.headers['x-ebay-api-siteid']);
    if (siteId === undefined || !/^\d+$/.test(siteId)) return fail(reply, callName, now, [missingHeader('X-EBAY-API-SITEID')]);
    const level = header(request.headers['x-ebay-api-compatibility-level']);
    if (level === undefined || !/^\d+$/.test(level)) return fail(reply, callName, now, [missingHeader('X-EBAY-API-COMPATIBILITY-LEVEL')]);
    const auth = checkAccessToken(state, header(request.headers['x-ebay-api-iaf-token']));
    if (!auth.ok) {
      return auth.reason === 'expired'
        ? fail(reply, callName, now, [{ code: '21917053', short: 'The token has expired.', long: 'IAF token supplied is expired.', severity: 'Error' }])
        : fail(reply, callName, now, [{ code: '21916984', short: 'Invalid IAF token.', long: 'IAF token supplied is invalid.', severity: 'Error' }]);
    }
    const seller = auth.ok && auth.auth.record.sellerNumber !== undefined ? state.sellers[auth.auth.record.sellerNumber - 1] : undefined;
    if (!seller) return fail(reply, callName, now, [{ code: '21916984', short: 'Invalid IAF token.', long: 'An application token cannot be used for this call.', severity: 'Error' }]);
    if (!state.quotas.consume('trading', String(seller.number), now)) {
      return fail(reply, callName, now, [{ code: '518', short: 'Call usage limit has been reached.', long: 'Your application has exceeded usage limit on this call. Please try again later.', severity: 'Error' }]);
    }
    request.ebayAuth = auth.auth;
    const body = typeof request.body === 'string' ? request.body : '';
    const parsed = parseTradingXml(body);
    const root = parsed?.[`${callName}Request`];
    if (!parsed || typeof root !== 'object' || root === null) {
      return fail(reply, callName, now, [{ code: '5', short: 'XML Parse error.', long: `XML Error Text: the request must contain a ${callName}Request element in namespace urn:ebay:apis:eBLBaseComponents.`, severity: 'Error' }]);
    }
    const result = handler(seller, root as Record<string, unknown>, now);
    if (!result.ok) return fail(reply, callName, now, result.errors);
    return reply.code(200).header('content-type', 'text/xml;charset=utf-8').send(buildTradingXml(callName, now, 'Success', result.body));
  });
}
