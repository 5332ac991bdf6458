import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { SCOPE } from '../oauth/scopes';
import { hrefOf, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError } from '../http/rest-error';
import { financeError, parseFinanceFilter, parseFinancePaging } from './finance.filter';
import { PAYOUT_DELAY, payoutCount, payoutDocument } from '../data/finance-records';
import { sendJsonPage } from '../http/json-stream';

const PATH = '/sell/finances/v1/payout';
const PAYOUT_STATUSES = ['INITIATED', 'SUCCEEDED', 'REVERSED', 'RETRYABLE_FAILED', 'TERMINAL_FAILED'];

export function registerPayoutRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(PATH, { config: { meta: { operation: 'getPayouts', family: 'finances', auth: 'user', scopes: [SCOPE.finances], quota: 'finances' } } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const now = state.clock.now();
    const paging = parseFinancePaging(single(q, 'limit'), single(q, 'offset'), 200);
    if ('error' in paging) return sendRestError(reply, 400, paging.error);
    const sort = single(q, 'sort');
    if (sort !== undefined && sort !== 'payoutDate' && sort !== '-payoutDate') {
      return sendRestError(reply, 400, financeError(135005, 'Invalid sort. Only payoutDate is supported.', 'sort', sort));
    }
    const parsed = parseFinanceFilter(single(q, 'filter'), 'payoutDate', ['payoutStatus'], now);
    if ('error' in parsed) return sendRestError(reply, 400, parsed.error);
    const statuses = parsed.filter.sets.get('payoutStatus');
    if (statuses?.some((s) => !PAYOUT_STATUSES.includes(s))) return sendRestError(reply, 400, financeError(135007, 'Invalid payoutStatus.', 'payoutStatus', statuses.join('|')));

    // Payout p is dated start + (p + 1) * period + PAYOUT_DELAY: a date window maps to a period range.
    const count = payoutCount(ds);
    const first = (date: number): number => Math.ceil((date - PAYOUT_DELAY - ds.timeline.start) / ds.payoutPeriod) - 1;
    let lo = Math.max(0, parsed.filter.from === -Infinity ? 0 : first(parsed.filter.from));
    let hi = Math.min(count, parsed.filter.to === Infinity ? count : Math.floor((parsed.filter.to - PAYOUT_DELAY - ds.timeline.start) / ds.payoutPeriod));
    if (statuses) {
      const keepInitiated = statuses.includes('INITIATED');
      const keepSucceeded = statuses.includes('SUCCEEDED');
      if (!keepInitiated) hi = Math.min(hi, count - 1);
      if (!keepSucceeded) lo = Math.max(lo, count - 1);
      if (!keepInitiated && !keepSucceeded) hi = lo;
    }
    const total = Math.max(0, hi - lo);
    if (total === 0 || paging.offset >= total) return reply.code(204).send();
    const asc = sort === 'payoutDate';
    const periods: number[] = [];
    for (let k = paging.offset; k < Math.min(total, paging.offset + paging.limit); k += 1) periods.push(asc ? lo + k : hi - 1 - k);
    const link = (o: number): string => hrefOf(request, PATH, { filter: single(q, 'filter'), sort, limit: paging.limit, offset: o });
    const body: Record<string, unknown> = { href: link(paging.offset), limit: paging.limit, offset: paging.offset, total, payouts: periods.map((p) => payoutDocument(ds, p)) };
    if (paging.offset + paging.limit < total && paging.offset + paging.limit < 5000) body['next'] = link(paging.offset + paging.limit);
    if (paging.offset > 0) body['prev'] = link(Math.max(0, paging.offset - paging.limit));
    return sendJsonPage(reply, body);
  });
}
