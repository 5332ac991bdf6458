import { Transport } from '../../core/http';
import { nextPageQuery, type FollowOptions } from '../../core/paginate';
import type { QueryInput } from '../../core/query';
import type { CallOptions } from '../../core/types';
import { buildPayoutFilter, buildTransactionFilter, type PayoutFilter, type TransactionFilter } from './finances-filter';
import type { PayoutPage, TransactionPage } from './finances.types';

const API = 'sell.finances';
const BASE = '/sell/finances/v1';

/** eBay rejects `offset >= 5000` on finances lists: larger histories must be walked in smaller date windows. */
export const FINANCES_OFFSET_LIMIT = 5000;

interface FinancesCommon extends CallOptions {
  /** `X-EBAY-C-MARKETPLACE-ID` (eBay defaults to EBAY_US). Overrides the client's `marketplaceId`. */
  readonly marketplaceId?: string | undefined;
  readonly offset?: number | undefined;
}

export interface GetTransactionsParams extends TransactionFilter, FinancesCommon {
  /** 1-1000 (eBay default 20). */
  readonly limit?: number | undefined;
  /** `transactionDate` = ascending; eBay's default is newest first. */
  readonly sort?: 'transactionDate' | '-transactionDate' | undefined;
}

export interface GetPayoutsParams extends PayoutFilter, FinancesCommon {
  /** 1-200 (eBay default 20). */
  readonly limit?: number | undefined;
  readonly sort?: 'payoutDate' | '-payoutDate' | undefined;
}

/** A page yielded by the finances iterators. */
export type FinancesPage<P> = P & {
  /**
   * True on the last page yielded when more records exist beyond the offset limit: the caller must split the
   * date window (see `splitDateWindow`) and walk the halves; the iterator stops rather than erroring.
   */
  readonly offsetLimitReached: boolean;
};

export interface FinancesClient {
  /** A 204 (no match) becomes an empty page. On the apiz host. */
  getTransactions(params?: GetTransactionsParams): Promise<TransactionPage>;
  getPayouts(params?: GetPayoutsParams): Promise<PayoutPage>;
  iterateTransactions(params?: GetTransactionsParams): AsyncGenerator<FinancesPage<TransactionPage>, void, undefined>;
  iteratePayouts(params?: GetPayoutsParams): AsyncGenerator<FinancesPage<PayoutPage>, void, undefined>;
}

function check(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

export function buildTransactionsQuery(params: GetTransactionsParams): QueryInput {
  check('limit', params.limit, 1, 1000);
  check('offset', params.offset, 0, FINANCES_OFFSET_LIMIT - 1);
  return { filter: buildTransactionFilter(params), limit: params.limit, offset: params.offset, sort: params.sort };
}

export function buildPayoutsQuery(params: GetPayoutsParams): QueryInput {
  check('limit', params.limit, 1, 200);
  check('offset', params.offset, 0, FINANCES_OFFSET_LIMIT - 1);
  return { filter: buildPayoutFilter(params), limit: params.limit, offset: params.offset, sort: params.sort };
}

/** Pages by offset and stops (flagging `offsetLimitReached`) before an offset eBay would reject. */
export async function* walkFinancesPages<P>(
  options: FollowOptions<P>,
): AsyncGenerator<FinancesPage<P>, void, undefined> {
  let query: QueryInput | null = options.first;
  const seen = new Set<string>();
  while (query !== null) {
    const key = JSON.stringify(query);
    if (seen.has(key)) return;
    seen.add(key);
    const page = await options.fetchPage(query);
    const next: QueryInput | null = nextPageQuery(page, query, options);
    const nextOffset = next === null ? null : Number(next['offset'] ?? 0);
    if (next !== null && nextOffset !== null && nextOffset >= FINANCES_OFFSET_LIMIT) {
      yield { ...page, offsetLimitReached: true };
      return;
    }
    yield { ...page, offsetLimitReached: false };
    query = next;
  }
}

export function createFinancesClient(transport: Transport, defaults: { marketplaceId?: string | undefined }): FinancesClient {
  const headers = (params: FinancesCommon): Record<string, string> => {
    const marketplaceId = params.marketplaceId ?? defaults.marketplaceId;
    return marketplaceId === undefined ? {} : { 'X-EBAY-C-MARKETPLACE-ID': marketplaceId };
  };

  const transactions = (query: QueryInput, params: GetTransactionsParams) =>
    transport
      .request(
        {
          api: API,
          operation: 'getTransactions',
          method: 'GET',
          host: 'apiz',
          path: `${BASE}/transaction`,
          query,
          headers: headers(params),
          auth: 'user',
          parse: Transport.json<TransactionPage>({ api: API, operation: 'getTransactions' }),
        },
        params,
      )
      .then((page): TransactionPage => ({ ...page, transactions: page?.transactions ?? [], total: page?.total ?? 0 }));

  const payouts = (query: QueryInput, params: GetPayoutsParams) =>
    transport
      .request(
        {
          api: API,
          operation: 'getPayouts',
          method: 'GET',
          host: 'apiz',
          path: `${BASE}/payout`,
          query,
          headers: headers(params),
          auth: 'user',
          parse: Transport.json<PayoutPage>({ api: API, operation: 'getPayouts' }),
        },
        params,
      )
      .then((page): PayoutPage => ({ ...page, payouts: page?.payouts ?? [], total: page?.total ?? 0 }));

  return {
    getTransactions: (params = {}) => transactions(buildTransactionsQuery(params), params),
    getPayouts: (params = {}) => payouts(buildPayoutsQuery(params), params),
    iterateTransactions: (params = {}) =>
      walkFinancesPages<TransactionPage>({
        first: buildTransactionsQuery(params),
        fetchPage: (query) => transactions(query, params),
        count: (page) => page.transactions.length,
        links: (page) => page,
        offsetFallback: true,
      }),
    iteratePayouts: (params = {}) =>
      walkFinancesPages<PayoutPage>({
        first: buildPayoutsQuery(params),
        fetchPage: (query) => payouts(query, params),
        count: (page) => page.payouts.length,
        links: (page) => page,
        offsetFallback: true,
      }),
  };
}
