import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { RouteMeta } from '../http/route-meta';
import { SCOPE } from '../oauth/scopes';
import { hrefOf, parseIntStrict, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError } from '../http/rest-error';
import { inventoryItem, offersOf, skuIndex } from '../data/inventory.generator';
import { inventoryItemDocument, offerDocument } from './inventory.documents';
import { sendJsonPage } from '../http/json-stream';

const ITEMS = '/sell/inventory/v1/inventory_item';
const OFFERS = '/sell/inventory/v1/offer';
const meta = (operation: string): RouteMeta => ({ operation, family: 'inventory', auth: 'user', scopes: [SCOPE.inventory, SCOPE.inventoryReadonly], quota: 'inventory' });

function inventoryError(reply: FastifyReply, errorId: number, message: string, name: string, value: string): FastifyReply {
  return sendRestError(reply, 400, { errorId, domain: 'API_INVENTORY', subdomain: 'Selling', category: 'REQUEST', message, parameters: [{ name, value }] });
}

function parsePaging(reply: FastifyReply, limitRaw: string | undefined, offsetRaw: string | undefined, defaultLimit: number): { limit: number; offset: number } | undefined {
  const limit = limitRaw === undefined ? defaultLimit : parseIntStrict(limitRaw);
  const offset = offsetRaw === undefined ? 0 : parseIntStrict(offsetRaw);
  if (limit === undefined || limit < 1 || limit > 200) {
    inventoryError(reply, 25709, `Invalid value for limit. The value must be between 1 and 200.`, 'limit', limitRaw ?? '');
    return undefined;
  }
  if (offset === undefined) {
    inventoryError(reply, 25706, 'Invalid value for offset.', 'offset', offsetRaw ?? '');
    return undefined;
  }
  return { limit, offset };
}

export function registerInventoryRoutes(app: FastifyInstance, state: EmulatorState): void {
  // offset counts records (the link hrefs carry record offsets; clients should follow `next`).
  app.get(ITEMS, { config: { meta: meta('getInventoryItems') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const paging = parsePaging(reply, single(q, 'limit'), single(q, 'offset'), 25);
    if (!paging) return reply;
    const { limit, offset } = paging;
    const total = ds.inventoryCount;
    const items = [];
    for (let j = offset; j < Math.min(total, offset + limit); j += 1) items.push(inventoryItemDocument(ds, inventoryItem(ds.seed, ds.number, j)));
    const link = (o: number): string => hrefOf(request, ITEMS, { limit, offset: o });
    const body: Record<string, unknown> = { href: link(offset), total, size: items.length, limit, inventoryItems: items };
    if (offset + limit < total) body['next'] = link(offset + limit);
    if (offset > 0) body['prev'] = link(Math.max(0, offset - limit));
    return sendJsonPage(reply, body);
  });

  app.get(OFFERS, { config: { meta: meta('getOffers') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const sku = single(q, 'sku');
    if (sku === undefined || sku.trim() === '') return inventoryError(reply, 25707, 'This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters', 'sku', sku ?? '');
    const paging = parsePaging(reply, single(q, 'limit'), single(q, 'offset'), 25);
    if (!paging) return reply;
    const marketplace = single(q, 'marketplace_id');
    const j = skuIndex(sku);
    const item = j !== undefined && j < ds.inventoryCount ? inventoryItem(ds.seed, ds.number, j) : undefined;
    if (!item || item.sku !== sku) {
      return sendRestError(reply, 404, { errorId: 25710, domain: 'API_INVENTORY', subdomain: 'Selling', category: 'REQUEST', message: 'We didn\'t find the resource/entity you are requesting. Please verify the request', parameters: [{ name: 'sku', value: sku }] });
    }
    const offers = offersOf(ds.seed, ds.number, item).filter(() => marketplace === undefined || marketplace === ds.profile.marketplaceId);
    const page = offers.slice(paging.offset, paging.offset + paging.limit);
    const link = (o: number): string => hrefOf(request, OFFERS, { sku, marketplace_id: marketplace, limit: paging.limit, offset: o });
    const body: Record<string, unknown> = { href: link(paging.offset), total: offers.length, size: page.length, limit: paging.limit, offers: page.map((o) => offerDocument(ds, item, o)) };
    if (paging.offset + paging.limit < offers.length) body['next'] = link(paging.offset + paging.limit);
    if (paging.offset > 0) body['prev'] = link(Math.max(0, paging.offset - paging.limit));
    return reply.send(body);
  });
}
