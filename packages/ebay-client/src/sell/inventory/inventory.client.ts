import { Transport } from '../../core/http';
import { followPages } from '../../core/paginate';
import type { QueryInput } from '../../core/query';
import type { CallOptions } from '../../core/types';
import type { InventoryItemPage, OfferPage } from './inventory.types';

const API = 'sell.inventory';
const BASE = '/sell/inventory/v1';

export interface GetInventoryItemsParams extends CallOptions {
  /** 1-200 (eBay default 25). */
  readonly limit?: number | undefined;
  /** Whether eBay counts this in pages or records is unverified: iterate with `iterateInventoryItems` instead. */
  readonly offset?: number | undefined;
}

export interface GetOffersParams extends CallOptions {
  readonly marketplaceId?: string | undefined;
  readonly format?: 'FIXED_PRICE' | 'AUCTION' | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface InventoryClient {
  getInventoryItems(params?: GetInventoryItemsParams): Promise<InventoryItemPage>;
  /** Follows `next` links only (offset semantics are unverified). */
  iterateInventoryItems(params?: GetInventoryItemsParams): AsyncGenerator<InventoryItemPage, void, undefined>;
  /** Offers of one SKU (eBay requires the sku: errorId 25707 without it). A 404 (25710) is thrown as not_found. */
  getOffers(sku: string, params?: GetOffersParams): Promise<OfferPage>;
}

export function createInventoryClient(transport: Transport): InventoryClient {
  const itemsPage = (query: QueryInput, options: CallOptions) =>
    transport
      .request(
        {
          api: API,
          operation: 'getInventoryItems',
          method: 'GET',
          host: 'api',
          path: `${BASE}/inventory_item`,
          query,
          auth: 'user',
          parse: Transport.json<InventoryItemPage>({ api: API, operation: 'getInventoryItems' }),
        },
        options,
      )
      .then((page): InventoryItemPage => ({ ...page, inventoryItems: page?.inventoryItems ?? [] }));

  const itemsQuery = (params: GetInventoryItemsParams): QueryInput => {
    if (params.limit !== undefined && (!Number.isInteger(params.limit) || params.limit < 1 || params.limit > 200)) {
      throw new RangeError(`limit must be an integer in [1, 200], got ${params.limit}`);
    }
    return { limit: params.limit, offset: params.offset };
  };

  return {
    getInventoryItems: (params = {}) => itemsPage(itemsQuery(params), params),
    iterateInventoryItems: (params = {}) =>
      followPages<InventoryItemPage>({
        first: itemsQuery(params),
        fetchPage: (query) => itemsPage(query, params),
        count: (page) => page.inventoryItems.length,
        links: (page) => page,
      }),
    getOffers: (sku, params = {}) => {
      if (sku === '') throw new TypeError('getOffers: sku is required');
      return transport
        .request(
          {
            api: API,
            operation: 'getOffers',
            method: 'GET',
            host: 'api',
            path: `${BASE}/offer`,
            query: {
              sku,
              marketplace_id: params.marketplaceId,
              format: params.format,
              limit: params.limit,
              offset: params.offset,
            },
            auth: 'user',
            parse: Transport.json<OfferPage>({ api: API, operation: 'getOffers' }),
          },
          params,
        )
        .then((page): OfferPage => ({ ...page, offers: page?.offers ?? [] }));
    },
  };
}
