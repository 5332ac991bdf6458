import { Transport } from '../../core/http';
import { followPages } from '../../core/paginate';
import { pathSegment, type QueryInput } from '../../core/query';
import type { CallOptions } from '../../core/types';
import type {
  Order,
  OrderSearchPage,
  PaymentDispute,
  PaymentDisputeStatus,
  PaymentDisputeSummaryPage,
} from './fulfillment.types';
import { buildOrderFilter, formatEbayDate, type OrderFilter } from './order-filter';

const API = 'sell.fulfillment';
const BASE = '/sell/fulfillment/v1';

export interface GetOrdersParams extends OrderFilter, CallOptions {
  /** 1-200 (eBay default 50). */
  readonly limit?: number | undefined;
  /** Zero-based record offset. */
  readonly offset?: number | undefined;
  /** Up to 50 ids; overrides every other parameter. */
  readonly orderIds?: readonly string[] | undefined;
  readonly fieldGroups?: readonly 'TAX_BREAKDOWN'[] | undefined;
}

export interface GetPaymentDisputeSummariesParams extends CallOptions {
  readonly orderId?: string | undefined;
  readonly buyerUsername?: string | undefined;
  /** Range <= 90 days, from <= 18 months back. */
  readonly openDateFrom?: Date | string | undefined;
  readonly openDateTo?: Date | string | undefined;
  readonly statuses?: readonly PaymentDisputeStatus[] | undefined;
  /** 1-200 (eBay default 200). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface FulfillmentClient {
  getOrders(params?: GetOrdersParams): Promise<OrderSearchPage>;
  getOrder(orderId: string, options?: CallOptions & { readonly fieldGroups?: readonly 'TAX_BREAKDOWN'[] }): Promise<Order>;
  /** Pages of getOrders, following `next` until the last page. */
  iterateOrders(params?: GetOrdersParams): AsyncGenerator<OrderSearchPage, void, undefined>;
  /** On the apiz host. */
  getPaymentDisputeSummaries(params?: GetPaymentDisputeSummariesParams): Promise<PaymentDisputeSummaryPage>;
  iteratePaymentDisputeSummaries(
    params?: GetPaymentDisputeSummariesParams,
  ): AsyncGenerator<PaymentDisputeSummaryPage, void, undefined>;
  getPaymentDispute(paymentDisputeId: string, options?: CallOptions): Promise<PaymentDispute>;
}

function checkRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

export function buildGetOrdersQuery(params: GetOrdersParams): QueryInput {
  checkRange('limit', params.limit, 1, 200);
  checkRange('offset', params.offset, 0, Number.MAX_SAFE_INTEGER);
  if (params.orderIds !== undefined && (params.orderIds.length === 0 || params.orderIds.length > 50)) {
    throw new RangeError(`orderIds takes 1-50 ids, got ${params.orderIds.length}`);
  }
  return {
    filter: buildOrderFilter(params),
    limit: params.limit,
    offset: params.offset,
    orderIds: params.orderIds?.join(','),
    fieldGroups: params.fieldGroups?.join(','),
  };
}

export function buildDisputeQuery(params: GetPaymentDisputeSummariesParams): QueryInput {
  checkRange('limit', params.limit, 1, 200);
  checkRange('offset', params.offset, 0, Number.MAX_SAFE_INTEGER);
  return {
    order_id: params.orderId,
    buyer_username: params.buyerUsername,
    open_date_from: params.openDateFrom === undefined ? undefined : formatEbayDate(params.openDateFrom),
    open_date_to: params.openDateTo === undefined ? undefined : formatEbayDate(params.openDateTo),
    payment_dispute_status: params.statuses,
    limit: params.limit,
    offset: params.offset,
  };
}

export function createFulfillmentClient(transport: Transport): FulfillmentClient {
  const ordersPage = (query: QueryInput, options: CallOptions) =>
    transport
      .request(
        {
          api: API,
          operation: 'getOrders',
          method: 'GET',
          host: 'api',
          path: `${BASE}/order`,
          query,
          auth: 'user',
          parse: Transport.jsonPage<OrderSearchPage>({ api: API, operation: 'getOrders' }, 'orders'),
        },
        options,
      )
      .then((page): OrderSearchPage => ({ ...page, orders: page?.orders ?? [], total: page?.total ?? 0 }));

  const disputesPage = (query: QueryInput, options: CallOptions) =>
    transport
      .request(
        {
          api: API,
          operation: 'getPaymentDisputeSummaries',
          method: 'GET',
          host: 'apiz',
          path: `${BASE}/payment_dispute_summary`,
          query,
          auth: 'user',
          parse: Transport.json<PaymentDisputeSummaryPage>({ api: API, operation: 'getPaymentDisputeSummaries' }),
        },
        options,
      )
      .then((page): PaymentDisputeSummaryPage => ({ ...page, paymentDisputeSummaries: page?.paymentDisputeSummaries ?? [] }));

  return {
    getOrders: (params = {}) => ordersPage(buildGetOrdersQuery(params), params),

    getOrder: (orderId, options = {}) =>
      transport.request(
          {
            api: API,
            operation: 'getOrder',
            method: 'GET',
            host: 'api',
            path: `${BASE}/order/${pathSegment(orderId)}`,
            query: { fieldGroups: options.fieldGroups?.join(',') },
            auth: 'user',
            parse: Transport.jsonBody<Order>({ api: API, operation: 'getOrder' }),
          },
          options,
        ),

    iterateOrders: (params = {}) =>
      followPages<OrderSearchPage>({
        first: buildGetOrdersQuery(params),
        fetchPage: (query) => ordersPage(query, params),
        count: (page) => page.orders.length,
        links: (page) => page,
        offsetFallback: true,
      }),

    getPaymentDisputeSummaries: (params = {}) => disputesPage(buildDisputeQuery(params), params),

    iteratePaymentDisputeSummaries: (params = {}) =>
      followPages<PaymentDisputeSummaryPage>({
        first: buildDisputeQuery(params),
        fetchPage: (query) => disputesPage(query, params),
        count: (page) => page.paymentDisputeSummaries.length,
        links: (page) => page,
        offsetFallback: true,
      }),

    getPaymentDispute: (paymentDisputeId, options = {}) =>
      transport.request(
          {
            api: API,
            operation: 'getPaymentDispute',
            method: 'GET',
            host: 'apiz',
            path: `${BASE}/payment_dispute/${pathSegment(paymentDisputeId)}`,
            auth: 'user',
            parse: Transport.jsonBody<PaymentDispute>({ api: API, operation: 'getPaymentDispute' }),
          },
          options,
        ),
  };
}
