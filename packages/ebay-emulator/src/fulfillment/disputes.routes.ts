import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { RouteMeta } from '../http/route-meta';
import { SCOPE } from '../oauth/scopes';
import { all, hrefOf, parseIntStrict, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError } from '../http/rest-error';
import { DISPUTE_STREAM, disputeDetail, disputeStatus, disputeSummary } from '../data/dispute-records';
import { parseDisputeId } from '../data/finance-records';
import { streamCount, walkStreams } from '../data/event-streams';
import { DAY, parseIso } from '../util/time';
import { sendJsonPage } from '../http/json-stream';

const PATH = '/sell/fulfillment/v1/payment_dispute_summary';
const STATUSES = ['OPEN', 'ACTION_NEEDED', 'CLOSED'];
const meta = (operation: string): RouteMeta => ({ operation, family: 'paymentDispute', auth: 'user', scopes: [SCOPE.dispute], quota: 'paymentDispute' });

function bad(reply: FastifyReply, message: string, name: string, value: string): FastifyReply {
  return sendRestError(reply, 400, { errorId: 33001, domain: 'API_FULFILLMENT', category: 'REQUEST', message, parameters: [{ name, value }] });
}

export function registerDisputeRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(PATH, { config: { meta: meta('getPaymentDisputeSummaries') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const now = state.clock.now();
    const limitRaw = single(q, 'limit');
    const limit = limitRaw === undefined ? 200 : parseIntStrict(limitRaw);
    if (limit === undefined || limit < 1 || limit > 200) return bad(reply, 'Invalid limit. Supported range is 1 - 200.', 'limit', limitRaw ?? '');
    const offsetRaw = single(q, 'offset');
    const offset = offsetRaw === undefined ? 0 : parseIntStrict(offsetRaw);
    if (offset === undefined) return bad(reply, 'Invalid offset.', 'offset', offsetRaw ?? '');
    const statuses = all(q, 'payment_dispute_status').flatMap((s) => s.split(','));
    const badStatus = statuses.find((s) => !STATUSES.includes(s));
    if (badStatus) return bad(reply, 'Invalid payment_dispute_status.', 'payment_dispute_status', badStatus);

    const fromRaw = single(q, 'open_date_from');
    const toRaw = single(q, 'open_date_to');
    const fromParsed = fromRaw === undefined ? undefined : parseIso(fromRaw);
    const toParsed = toRaw === undefined ? undefined : parseIso(toRaw);
    if (fromRaw !== undefined && fromParsed === undefined) return bad(reply, 'Invalid open_date_from.', 'open_date_from', fromRaw);
    if (toRaw !== undefined && toParsed === undefined) return bad(reply, 'Invalid open_date_to.', 'open_date_to', toRaw);
    // Without dates the last 90 days; one bound alone spans 90 days from it.
    let to = toParsed ?? (fromParsed !== undefined ? Math.min(now, fromParsed + 90 * DAY) : now);
    const from = fromParsed ?? to - 90 * DAY;
    if (from > to) return bad(reply, 'open_date_from must be before open_date_to.', 'open_date_from', fromRaw ?? '');
    if (to - from > 90 * DAY) return bad(reply, 'The open date range must not exceed 90 days.', 'open_date_to', toRaw ?? '');
    if (from < now - 548 * DAY) return bad(reply, 'open_date_from must be within the last 18 months.', 'open_date_from', fromRaw ?? '');
    to = Math.min(to, now);

    const orderId = single(q, 'order_id');
    const buyer = single(q, 'buyer_username');
    let indices: number[];
    let total: number;
    if (orderId !== undefined) {
      // order_id overrides every other filter.
      const i = ds.indexOf(orderId);
      indices = i !== undefined && ds.fates.fateOf(i) === 'disputed' && ds.timeline.created(i) + DISPUTE_STREAM.delayMs <= ds.liveAsOf ? [i] : [];
      total = indices.length;
      indices = indices.slice(offset, offset + limit);
    } else if (statuses.length > 0 || buyer !== undefined) {
      const everything = walkStreams(ds, [DISPUTE_STREAM], from, to, 'asc', 0, Number.MAX_SAFE_INTEGER)
        .map((e) => e.index)
        .filter((i) => (statuses.length === 0 || statuses.includes(disputeStatus(ds, i).status)) && (buyer === undefined || ds.buyerOf(i) === buyer));
      total = everything.length;
      indices = everything.slice(offset, offset + limit);
    } else {
      total = streamCount(ds, DISPUTE_STREAM, from, to);
      indices = walkStreams(ds, [DISPUTE_STREAM], from, to, 'asc', offset, limit).map((e) => e.index);
    }
    const params = { order_id: orderId, buyer_username: buyer, open_date_from: fromRaw, open_date_to: toRaw, payment_dispute_status: statuses.join(',') || undefined };
    const link = (o: number): string => hrefOf(request, PATH, { ...params, limit, offset: o });
    const body: Record<string, unknown> = { href: link(offset), limit, offset, total, paymentDisputeSummaries: indices.map((i) => disputeSummary(ds, i)) };
    if (offset + limit < total) body['next'] = link(offset + limit);
    if (offset > 0) body['prev'] = link(Math.max(0, offset - limit));
    return sendJsonPage(reply, body);
  });

  app.get('/sell/fulfillment/v1/payment_dispute/:id', { config: { meta: meta('getPaymentDispute') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const { id } = request.params as { id: string };
    const index = parseDisputeId(ds, id);
    if (index === undefined || ds.timeline.created(index) + DISPUTE_STREAM.delayMs > ds.liveAsOf) {
      return sendRestError(reply, 404, { errorId: 33001, domain: 'API_FULFILLMENT', category: 'REQUEST', message: 'Invalid payment dispute ID.', parameters: [{ name: 'payment_dispute_id', value: id }] });
    }
    return reply.send(disputeDetail(ds, index));
  });
}
