import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { RouteMeta } from '../http/route-meta';
import { SCOPE } from '../oauth/scopes';
import { hrefOf, parseIntStrict, queryOf, sellerOf, single } from '../http/request-context';
import { sendRestError } from '../http/rest-error';
import {
  ebayConversation, ebayNoticeMessage, memberConversation, memberConversationMessages, memberConversationsWithin, noticeCount,
  parseConversationId,
} from './conversation.records';
import { parseIso } from '../util/time';

const PATH = '/commerce/message/v1/conversation';
const TYPES = ['FROM_MEMBERS', 'FROM_EBAY'];
const meta = (operation: string): RouteMeta => ({ operation, family: 'message', auth: 'user', scopes: [SCOPE.message], quota: 'message' });

function bad(reply: FastifyReply, errorId: number, message: string, name: string, value: string): FastifyReply {
  return sendRestError(reply, 400, { errorId, domain: 'API_MESSAGE', category: 'REQUEST', message, parameters: [{ name, value }] });
}

function paging(reply: FastifyReply, limitRaw: string | undefined, offsetRaw: string | undefined): { limit: number; offset: number } | undefined {
  const limit = limitRaw === undefined ? 25 : parseIntStrict(limitRaw);
  if (limit === undefined || limit < 1 || limit > 50) {
    bad(reply, 355009, 'Invalid limit. The limit value must be a positive integer value that does not exceed 50.', 'limit', limitRaw ?? '');
    return undefined;
  }
  const offset = offsetRaw === undefined ? 0 : parseIntStrict(offsetRaw);
  if (offset === undefined || offset % limit !== 0) {
    bad(reply, 355008, 'Invalid offset. The offset value must be a positive integer value and synchronized up with the limit value.', 'offset', offsetRaw ?? '');
    return undefined;
  }
  return { limit, offset };
}

export function registerConversationRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get(PATH, { config: { meta: meta('getConversations') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const type = single(q, 'conversation_type');
    if (type === undefined || !TYPES.includes(type)) {
      return bad(reply, 355017, 'The required conversation_type query parameter is either missing or has an invalid value.', 'conversation_type', type ?? '');
    }
    const page = paging(reply, single(q, 'limit'), single(q, 'offset'));
    if (!page) return reply;
    const startRaw = single(q, 'start_time');
    const endRaw = single(q, 'end_time');
    const start = startRaw === undefined ? -Infinity : parseIso(startRaw);
    // No end_time: up to now (messages added through the control API are dated after the dataset's liveAsOf).
    const end = endRaw === undefined ? Infinity : parseIso(endRaw);
    if (start === undefined || end === undefined) return bad(reply, 355005, 'Invalid date format used for one or both date filters.', startRaw === undefined ? 'end_time' : 'start_time', (start === undefined ? startRaw : endRaw) ?? '');
    if (start > end) return bad(reply, 355004, 'The start_time must be an earlier date than end_time.', 'start_time', startRaw ?? '');
    let total: number;
    let conversations: Record<string, unknown>[];
    if (type === 'FROM_MEMBERS') {
      const found = memberConversationsWithin(ds, start, Math.min(end, ds.liveAsOf), end, page.offset, page.limit);
      total = found.total;
      conversations = found.indices.map((index) => memberConversation(ds, index));
    } else {
      // start_time/end_time apply to FROM_MEMBERS only.
      const n = noticeCount(ds);
      total = n;
      conversations = [];
      for (let p = page.offset; p < Math.min(n, page.offset + page.limit); p += 1) conversations.push(ebayConversation(ds, n - 1 - p));
    }
    const link = (o: number): string => hrefOf(request, PATH, { conversation_type: type, start_time: startRaw, end_time: endRaw, limit: page.limit, offset: o });
    const body: Record<string, unknown> = { href: link(page.offset), limit: page.limit, offset: page.offset, total, conversations };
    if (page.offset + page.limit < total) body['next'] = link(page.offset + page.limit);
    if (page.offset > 0) body['prev'] = link(Math.max(0, page.offset - page.limit));
    return reply.send(body);
  });

  app.get(`${PATH}/:conversationId`, { config: { meta: meta('getConversation') } }, async (request, reply) => {
    const ds = sellerOf(state, request);
    const q = queryOf(request);
    const { conversationId } = request.params as { conversationId: string };
    const type = single(q, 'conversation_type');
    if (type === undefined || !TYPES.includes(type)) {
      return bad(reply, 355017, 'The required conversation_type query parameter is either missing or has an invalid value.', 'conversation_type', type ?? '');
    }
    const page = paging(reply, single(q, 'limit'), single(q, 'offset'));
    if (!page) return reply;
    const found = parseConversationId(ds, conversationId);
    if (!found || found.type !== type) return bad(reply, 355007, 'Invalid or unrecognized conversation_id value.', 'conversation_id', conversationId);
    const messages = found.type === 'FROM_MEMBERS' ? memberConversationMessages(ds, found.index) : [ebayNoticeMessage(ds, found.k)];
    const summary = found.type === 'FROM_MEMBERS' ? memberConversation(ds, found.index) : ebayConversation(ds, found.k);
    const link = (o: number): string => hrefOf(request, `${PATH}/${conversationId}`, { conversation_type: type, limit: page.limit, offset: o });
    const body: Record<string, unknown> = {
      conversationStatus: summary['conversationStatus'],
      conversationTitle: summary['conversationTitle'],
      conversationType: type,
      href: link(page.offset),
      limit: page.limit,
      offset: page.offset,
      total: messages.length,
      messages: messages.slice(page.offset, page.offset + page.limit),
    };
    if (page.offset + page.limit < messages.length) body['next'] = link(page.offset + page.limit);
    if (page.offset > 0) body['prev'] = link(Math.max(0, page.offset - page.limit));
    return reply.send(body);
  });
}
