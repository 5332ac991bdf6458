import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { RouteMeta } from '../http/route-meta';
import { SCOPE } from '../oauth/scopes';
import { hrefOf, parseIntStrict, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError, type RestError } from '../http/rest-error';
import { parseOrdersFilter } from './orders.filter';
import { VISIBILITY, selectOrders } from './orders.query';
import { orderJson } from '../data/order-document';
import { RawJsonArray, sendJson, sendJsonPage } from '../http/json-stream';

const PATH = '/sell/fulfillment/v1/order';
const SCOPES = [SCOPE.fulfillment, SCOPE.fulfillmentReadonly];
const getOrdersMeta: RouteMeta = { operation: 'getOrders', family: 'fulfillment', auth: 'user', scopes: SCOPES, quota: 'fulfillment' };
const getOrderMeta: RouteMeta = { operation: 'getOrder', family: 'fulfillment', auth: 'user', scopes: SCOPES, quota: 'fulfillment' };

function requestError(reply: FastifyReply, errorId: number, message: string, name: string, value: string): FastifyReply {
  const error: RestError = { errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message, parameters: [{ name, value }] };
  return sendRestError(reply, 400, error);
}

function parseFieldGroups(value: string | undefined): { taxBreakdown: boolean } | { bad: string } {
  if (value === undefined || value === '') return { taxBreakdown: false };
  const groups = value.split(',').map((g) => g.trim());
  const bad = groups.find((g) => g !== 'TAX_BREAKDOWN');
  return bad === undefined ? { taxBreakdown: true } : { bad };
}

export function registerOrderRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(PATH, { config: { meta: getOrdersMeta } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const now = state.clock.now();
    const fieldGroups = parseFieldGroups(single(q, 'fieldGroups'));
    if ('bad' in fieldGroups) return requestError(reply, 32800, `Invalid fieldGroups: ${fieldGroups.bad}`, 'fieldGroups', fieldGroups.bad);
    const docOpts = { now, taxBreakdown: fieldGroups.taxBreakdown, withCancelRequests: false };

    const orderIdsRaw = single(q, 'orderIds');
    if (orderIdsRaw !== undefined && orderIdsRaw.trim() !== '') {
      const ids = orderIdsRaw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      if (ids.length > 50) return requestError(reply, 30900, 'Exceeded maximum number of order IDs (50).', 'orderIds', String(ids.length));
      const indexes: number[] = [];
      const warnings: RestError[] = [];
      for (const id of ids) {
        const index = ds.indexOf(id);
        if (index === undefined || ds.timeline.created(index) < now - VISIBILITY) {
          warnings.push({ errorId: 32100, domain: 'API_FULFILLMENT', category: 'REQUEST', message: 'Invalid order ID', parameters: [{ name: 'orderId', value: id }] });
        } else indexes.push(index);
      }
      const body: Record<string, unknown> = {
        href: hrefOf(request, PATH, { orderIds: orderIdsRaw, fieldGroups: single(q, 'fieldGroups') }),
        total: indexes.length,
        orders: new RawJsonArray(indexes, (i) => orderJson(ds, i, docOpts)),
      };
      if (warnings.length > 0) body['warnings'] = warnings;
      return sendJson(reply, body);
    }

    const limitRaw = single(q, 'limit');
    const limit = limitRaw === undefined ? 50 : parseIntStrict(limitRaw);
    if (limit === undefined || limit < 1 || limit > 200) return requestError(reply, 31100, 'Invalid limit. Supported ranges 1 - 200.', 'limit', limitRaw ?? '');
    const offsetRaw = single(q, 'offset');
    const offset = offsetRaw === undefined ? 0 : parseIntStrict(offsetRaw);
    if (offset === undefined) return requestError(reply, 31000, 'Invalid offset. The offset must be zero or a positive integer.', 'offset', offsetRaw ?? '');
    const filterRaw = single(q, 'filter');
    const parsed = parseOrdersFilter(filterRaw, now);
    if ('error' in parsed) return sendRestError(reply, 400, parsed.error);

    const selection = selectOrders(ds, parsed.filter, now);
    const total = selection.total;
    const orders = new RawJsonArray(selection.page(offset, limit), (i) => orderJson(ds, i, docOpts));
    const link = (o: number): string => hrefOf(request, PATH, { filter: filterRaw, fieldGroups: single(q, 'fieldGroups'), limit, offset: o });
    const body: Record<string, unknown> = { href: link(offset), total, limit, offset, orders };
    if (offset + limit < total) body['next'] = link(offset + limit);
    if (offset > 0) body['prev'] = link(Math.max(0, offset - limit));
    return sendJsonPage(reply, body);
  });

  app.get(`${PATH}/:orderId`, { config: { meta: getOrderMeta } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const { orderId } = request.params as { orderId: string };
    const fieldGroups = parseFieldGroups(single(queryOf(request), 'fieldGroups'));
    if ('bad' in fieldGroups) return requestError(reply, 32800, `Invalid fieldGroups: ${fieldGroups.bad}`, 'fieldGroups', fieldGroups.bad);
    const index = ds.indexOf(orderId);
    const now = state.clock.now();
    if (index === undefined || ds.timeline.created(index) < now - VISIBILITY) {
      return sendRestError(reply, 404, { errorId: 32100, domain: 'API_FULFILLMENT', category: 'REQUEST', message: 'Invalid order ID', parameters: [{ name: 'orderId', value: orderId }] });
    }
    return reply.type('application/json').send(orderJson(ds, index, { now, taxBreakdown: fieldGroups.taxBreakdown, withCancelRequests: true }));
  });
}
