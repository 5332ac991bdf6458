import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { SellerDataset } from '../data/seller-dataset';
import type { StreamEvent } from '../data/event-streams';
import { SCOPE } from '../oauth/scopes';
import { hrefOf, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError } from '../http/rest-error';
import { financeError, parseFinanceFilter, parseFinancePaging } from './finance.filter';
import { streamCount, walkStreams } from '../data/event-streams';
import {
  TX_STREAMS, TX_TYPE, orderTransactions, parseDisputeId, parsePayoutId, payoutCount, periodWindow,
  transactionDocument, transactionIdOf, type TxKey,
} from '../data/finance-records';
import { parseNumericId } from '../util/ids';
import { sendJsonPage } from '../http/json-stream';

const PATH = '/sell/finances/v1/transaction';
const TYPES = ['SALE', 'REFUND', 'CREDIT', 'DISPUTE', 'SHIPPING_LABEL', 'TRANSFER', 'NON_SALE_CHARGE', 'ADJUSTMENT', 'WITHDRAWAL', 'LOAN_REPAYMENT', 'PURCHASE'];
const STATUSES = ['PAYOUT', 'FUNDS_AVAILABLE_FOR_PAYOUT', 'FUNDS_ON_HOLD', 'FUNDS_PROCESSING', 'COMPLETED', 'FAILED'];
const SET_FILTERS = ['transactionType', 'transactionStatus', 'orderId', 'payoutId', 'buyerUsername', 'transactionId'];

/** Orders referenced by a transaction id: SALE ids are order ids, REFUND/DISPUTE ids encode the order index. */
function indexOfTransactionId(ds: SellerDataset, id: string): number | undefined {
  const asOrder = ds.indexOf(id);
  if (asOrder !== undefined) return asOrder;
  const dispute = parseDisputeId(ds, id);
  if (dispute !== undefined) return dispute;
  const refund = parseNumericId(id, 5, 9);
  return refund && refund.sellerNumber === ds.number && refund.value < ds.timeline.total ? refund.value : undefined;
}

export function registerTransactionRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(PATH, { config: { meta: { operation: 'getTransactions', family: 'finances', auth: 'user', scopes: [SCOPE.finances], quota: 'finances' } } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const now = state.clock.now();
    const paging = parseFinancePaging(single(q, 'limit'), single(q, 'offset'), 1000);
    if ('error' in paging) return sendRestError(reply, 400, paging.error);
    const sort = single(q, 'sort');
    if (sort !== undefined && sort !== 'transactionDate' && sort !== '-transactionDate') {
      return sendRestError(reply, 400, financeError(135005, 'Invalid sort. Only transactionDate is supported.', 'sort', sort));
    }
    const order = sort === 'transactionDate' ? 'asc' : 'desc';
    const parsed = parseFinanceFilter(single(q, 'filter'), 'transactionDate', SET_FILTERS, now);
    if ('error' in parsed) return sendRestError(reply, 400, parsed.error);
    const f = parsed.filter;
    const types = f.sets.get('transactionType');
    if (types?.some((t) => !TYPES.includes(t))) return sendRestError(reply, 400, financeError(135006, 'Invalid transactionType.', 'transactionType', types.join('|')));
    const statuses = f.sets.get('transactionStatus');
    if (statuses?.some((s) => !STATUSES.includes(s))) return sendRestError(reply, 400, financeError(135007, 'Invalid transactionStatus.', 'transactionStatus', statuses.join('|')));
    const txIds = f.sets.get('transactionId');
    if (txIds && !types) return sendRestError(reply, 400, financeError(135009, 'The transactionType filter is required with the transactionId filter.', 'transactionId', txIds.join('|')));

    // Status maps to a date boundary: everything before the end of the last paid period has been paid out.
    const paidUntil = ds.timeline.start + payoutCount(ds) * ds.payoutPeriod;
    let from = f.from;
    let to = Math.min(f.to, now);
    if (statuses) {
      const payout = statuses.includes('PAYOUT');
      const available = statuses.includes('FUNDS_AVAILABLE_FOR_PAYOUT');
      if (payout && !available) to = Math.min(to, paidUntil - 1);
      else if (!payout && available) from = Math.max(from, paidUntil);
      else if (!payout && !available) to = -Infinity;
    }
    const specs = TX_STREAMS.filter((s) => !types || types.includes(TX_TYPE[s.key]));

    const orderIds = f.sets.get('orderId');
    const payoutIds = f.sets.get('payoutId');
    const buyers = f.sets.get('buyerUsername');
    let page: StreamEvent<TxKey>[];
    let total: number;
    if (orderIds || txIds || payoutIds || buyers) {
      let candidates: StreamEvent<TxKey>[] = [];
      if (orderIds || txIds) {
        const indices = new Set<number>();
        for (const id of orderIds ?? []) { const i = ds.indexOf(id); if (i !== undefined) indices.add(i); }
        for (const id of txIds ?? []) { const i = indexOfTransactionId(ds, id); if (i !== undefined) indices.add(i); }
        for (const i of indices) candidates.push(...orderTransactions(ds, i));
      } else if (payoutIds) {
        for (const id of payoutIds) {
          const p = parsePayoutId(ds, id);
          if (p === undefined) continue;
          const [a, b] = periodWindow(ds, p);
          candidates.push(...walkStreams(ds, specs, Math.max(a, from), Math.min(b, to), 'asc', 0, Number.MAX_SAFE_INTEGER));
        }
      } else {
        candidates = walkStreams(ds, specs, from, to, 'asc', 0, Number.MAX_SAFE_INTEGER);
      }
      candidates = candidates.filter((ev) =>
        ev.date >= from && ev.date <= to && specs.some((s) => s.key === ev.key) &&
        (!orderIds || orderIds.includes(ds.orderId(ev.index))) &&
        (!txIds || txIds.includes(transactionIdOf(ds, ev))) &&
        (!buyers || buyers.includes(ds.buyerOf(ev.index))),
      );
      candidates.sort((a, b) => (order === 'asc' ? a.date - b.date : b.date - a.date));
      total = candidates.length;
      page = candidates.slice(paging.offset, paging.offset + paging.limit);
    } else {
      total = to < from ? 0 : specs.reduce((s, spec) => s + streamCount(ds, spec, from, to), 0);
      page = to < from ? [] : walkStreams(ds, specs, from, to, order, paging.offset, paging.limit);
    }
    if (total === 0 || page.length === 0) return reply.code(204).send();
    const link = (o: number): string => hrefOf(request, PATH, { filter: single(q, 'filter'), sort, limit: paging.limit, offset: o });
    const body: Record<string, unknown> = { href: link(paging.offset), limit: paging.limit, offset: paging.offset, total, transactions: page.map((ev) => transactionDocument(ds, ev)) };
    if (paging.offset + paging.limit < total && paging.offset + paging.limit < 5000) body['next'] = link(paging.offset + paging.limit);
    if (paging.offset > 0) body['prev'] = link(Math.max(0, paging.offset - paging.limit));
    return sendJsonPage(reply, body);
  });
}
