import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { buildSellers, findSeller, type EmulatorState } from '../state/emulator-state';
import { VirtualClock } from '../state/virtual-clock';
import { FaultInjector } from '../faults/fault.injector';
import { DEFAULT_QUOTAS, type QuotaLimits } from '../quotas/quota-config';
import { TRUTH_RESOURCES, computeTruth, type TruthResource } from './truth.service';
import { addMessages, createOrders, modifyOrders } from './mutations.service';
import { parseConversationId } from '../message/conversation.records';
import { sendAccountDeletion } from '../notification/account-deletion.service';
import {
  acceptUrlBody, addMessagesBody, clockAdvanceBody, clockSetBody, createOrdersBody, deletionBody, faultsBody, modifyOrdersBody, quotasBody, resetBody,
} from './control.schemas';
import { iso, parseLooseDate } from '../util/time';
import { DEFAULT_APP } from '../state/app-registration';

function invalid(reply: FastifyReply, message: string, details?: unknown): FastifyReply {
  return reply.code(400).send({ error: { code: 'invalid_request', message, details } });
}

function parse<T extends z.ZodType>(schema: T, body: unknown): { ok: true; value: z.infer<T> } | { ok: false; details: unknown } {
  const r = schema.safeParse(body ?? {});
  return r.success ? { ok: true, value: r.data } : { ok: false, details: r.error.issues };
}

function clockBody(state: EmulatorState): Record<string, unknown> {
  return { now: iso(state.clock.now()), mode: state.clock.mode };
}

/** The /__emulator control API (never reachable through an eBay path). */
export function registerControlRoutes(app: FastifyInstance, state: EmulatorState): void {
  const P = '/__emulator';
  const seller = (id: string, reply: FastifyReply) => {
    const ds = findSeller(state, id);
    if (!ds) void reply.code(404).send({ error: { code: 'not_found', message: `Unknown seller ${id}` } });
    return ds;
  };

  app.get(`${P}/health`, async () => ({ ok: true }));
  app.get(`${P}/app`, async () => ({ ...state.app, acceptUrl: state.app.acceptUrl ?? `${state.baseUrl}${P}/accept`, devId: DEFAULT_APP.devId }));
  app.put(`${P}/app/accept-url`, async (request, reply) => {
    const b = parse(acceptUrlBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {"url": "<absolute URL>"}', b.details);
    state.app.acceptUrl = b.value.url ?? undefined;
    return { acceptUrl: state.app.acceptUrl ?? `${state.baseUrl}${P}/accept` };
  });

  app.get(`${P}/sellers`, async () => ({
    sellers: state.sellers.map((s) => ({
      id: String(s.number),
      username: s.profile.username,
      userId: s.profile.userId,
      marketplaceId: s.profile.marketplaceId,
      currency: s.profile.currency,
      accountType: s.profile.accountType,
      orders: s.timeline.total,
      appendedOrders: s.timeline.appended.length,
      liveOrders: s.liveOrders.length,
      modifiedOrders: s.overrides.size,
      addedMessages: s.addedMessages.length,
      inventoryItems: s.inventoryCount,
      firstOrderDate: s.timeline.total > 0 ? iso(s.timeline.created(0)) : null,
      datasetAsOf: iso(s.asOf),
    })),
  }));

  app.get(`${P}/sellers/:id/truth`, async (request, reply) => {
    const ds = seller((request.params as { id: string }).id, reply);
    if (!ds) return reply;
    const resource = ((request.query as Record<string, string | undefined>)['resource'] ?? 'orders') as TruthResource;
    if (!TRUTH_RESOURCES.includes(resource)) return invalid(reply, `resource must be one of ${TRUTH_RESOURCES.join(', ')}`);
    return { sellerId: String(ds.number), username: ds.profile.username, asOf: iso(state.clock.now()), ...computeTruth(ds, resource, state.clock.now()) };
  });

  app.post(`${P}/sellers/:id/orders`, async (request, reply) => {
    const ds = seller((request.params as { id: string }).id, reply);
    if (!ds) return reply;
    const b = parse(createOrdersBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {"count": 1..10000}', b.details);
    const created = createOrders(ds, b.value.count, state.clock.now());
    state.save();
    return { created };
  });

  app.post(`${P}/sellers/:id/orders/modify`, async (request, reply) => {
    const ds = seller((request.params as { id: string }).id, reply);
    if (!ds) return reply;
    const b = parse(modifyOrdersBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {"count": n} or {"orderIds": [...]}', b.details);
    let target: { count: number } | { indices: number[] };
    if ('orderIds' in b.value) {
      const indices = b.value.orderIds.map((id) => ds.indexOf(id));
      const unknown = b.value.orderIds.filter((_, k) => indices[k] === undefined);
      if (unknown.length > 0) return invalid(reply, `Unknown order ids: ${unknown.join(', ')}`);
      target = { indices: indices.filter((i): i is number => i !== undefined) };
    } else target = { count: b.value.count };
    state.mutationCounter += 1;
    const modified = modifyOrders(ds, state.clock.now(), target, state.mutationCounter);
    state.save();
    return { modified };
  });

  app.post(`${P}/sellers/:id/messages`, async (request, reply) => {
    const ds = seller((request.params as { id: string }).id, reply);
    if (!ds) return reply;
    const b = parse(addMessagesBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {"count": 1..1000} or {"conversationIds": [...]}', b.details);
    let target: { count: number } | { indices: number[] };
    if ('conversationIds' in b.value) {
      const found = b.value.conversationIds.map((id) => parseConversationId(ds, id));
      const unknown = b.value.conversationIds.filter((_, k) => found[k]?.type !== 'FROM_MEMBERS');
      if (unknown.length > 0) return invalid(reply, `Unknown member conversation ids: ${unknown.join(', ')}`);
      target = { indices: found.flatMap((f) => (f?.type === 'FROM_MEMBERS' ? [f.index] : [])) };
    } else target = { count: b.value.count };
    const created = addMessages(ds, state.clock.now(), target);
    state.save();
    return { created };
  });

  app.post(`${P}/sellers/:id/revoke-tokens`, async (request, reply) => {
    const ds = seller((request.params as { id: string }).id, reply);
    if (!ds) return reply;
    return { revoked: state.tokens.revokeSeller(ds.number) };
  });
  app.post(`${P}/tokens/expire`, async () => ({ expired: state.tokens.expireAllAccess(state.clock.now()) }));

  app.get(`${P}/clock`, async () => clockBody(state));
  app.post(`${P}/clock/advance`, async (request, reply) => {
    const b = parse(clockAdvanceBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {"seconds": n}', b.details);
    state.clock.advance(b.value.seconds * 1000);
    return clockBody(state);
  });
  app.put(`${P}/clock`, async (request, reply) => {
    const b = parse(clockSetBody, request.body);
    const ms = b.ok ? parseLooseDate(b.value.now) : undefined;
    if (ms === undefined) return invalid(reply, 'Body must be {"now": "<ISO date>"}');
    state.clock.set(ms);
    return clockBody(state);
  });

  app.get(`${P}/faults`, async () => ({ ...state.faults.config, injected: state.faults.injected }));
  app.put(`${P}/faults`, async (request, reply) => {
    const b = parse(faultsBody, request.body);
    if (!b.ok) return invalid(reply, 'Invalid fault configuration', b.details);
    const update = Object.fromEntries(Object.entries(b.value).filter(([, v]) => v !== undefined));
    return state.faults.update(update);
  });

  app.get(`${P}/quotas`, async () => {
    const now = state.clock.now();
    const usage = Object.fromEntries((Object.keys(state.quotas.limits) as (keyof QuotaLimits)[]).map((api) => [api, state.quotas.snapshot(api, undefined, now)]));
    return { limits: state.quotas.limits, usage };
  });
  app.put(`${P}/quotas`, async (request, reply) => {
    const b = parse(quotasBody, request.body);
    const unknown = b.ok ? Object.keys(b.value).filter((k) => !(k in DEFAULT_QUOTAS)) : [];
    if (!b.ok || unknown.length > 0) return invalid(reply, `Body must map quota names (${Object.keys(DEFAULT_QUOTAS).join(', ')}) to daily limits`, b.ok ? unknown : b.details);
    state.quotas.setLimits(b.value as Partial<QuotaLimits>);
    return { limits: state.quotas.limits };
  });
  app.post(`${P}/quotas/reset`, async () => {
    state.quotas.reset();
    return { limits: state.quotas.limits };
  });

  app.get(`${P}/requests`, async (request) => {
    const raw = Number((request.query as Record<string, string | undefined>)['limit'] ?? '100');
    const limit = Number.isInteger(raw) && raw > 0 ? raw : 100;
    return { total: state.requestLog.total, requests: state.requestLog.latest(limit) };
  });
  app.delete(`${P}/requests`, async () => {
    state.requestLog.clear();
    return { ok: true };
  });

  app.post(`${P}/notifications/account-deletion`, async (request, reply) => {
    const b = parse(deletionBody, request.body);
    if (!b.ok) return invalid(reply, 'Invalid account deletion request', b.details);
    return sendAccountDeletion(state, b.value);
  });

  app.post(`${P}/reset`, async (request, reply) => {
    const b = parse(resetBody, request.body);
    if (!b.ok) return invalid(reply, 'Body must be {} or {"tokens": true}', b.details);
    const asOf = state.sellers[0]?.asOf ?? state.clock.now();
    state.clock = new VirtualClock(state.options.now === undefined ? undefined : Date.parse(state.options.now));
    state.sellers = buildSellers(state.options, asOf);
    state.faults = new FaultInjector(state.options.seed, state.options.faults);
    state.quotas.reset();
    state.quotas.limits = { ...DEFAULT_QUOTAS, ...state.options.quotas };
    state.requestLog.clear();
    state.mutationCounter = 0;
    if (b.value.tokens) state.tokens.clear();
    state.save();
    return { ok: true, ...clockBody(state) };
  });
}
