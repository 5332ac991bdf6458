import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EbayEvent } from '@ebay-connector/contract';
import { parseOrThrow } from '../platform/validation';
import type { EventBus, EventFilter } from './event-bus';

/**
 * How many events a stream replays at most (`tail`, a resume) and remembers to drop one delivered twice: one number, so
 * nothing replayed can come again unnoticed.
 */
const EVENT_WINDOW = 5000;

const querySchema = z.object({
  accountId: z.uuid().optional(),
  runId: z.uuid().optional(),
  types: z.string().max(500).optional(),
  lastEventId: z.string().regex(/^\d{1,19}$/).optional(),
  /** Without a last event id: start with the newest `tail` stored events that match (a view of recent history). */
  tail: z.coerce.number().int().min(1).max(EVENT_WINDOW).optional(),
});

/** A resume replays the missed events in pages of this many, up to `EVENT_WINDOW`. */
const RESUME_PAGE = 1000;

/** The stored events after `afterId` that match, oldest first, up to `EVENT_WINDOW`. */
async function missedEvents(events: EventBus, afterId: string, filter: EventFilter): Promise<EbayEvent[]> {
  const missed: EbayEvent[] = [];
  let after = afterId;
  for (;;) {
    const page = await events.replay(after, filter, RESUME_PAGE);
    missed.push(...page);
    const last = page.at(-1);
    if (!last || page.length < RESUME_PAGE || missed.length >= EVENT_WINDOW) return missed;
    after = last.id;
  }
}

function frame(event: EbayEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * `GET /api/ebay/events`: server-sent events for any signed-in user. On connect, stored events after
 * `Last-Event-ID` are replayed (or, without one, the newest `tail` stored events), then live ones follow (from any process, via the EventBus); a comment line is
 * sent every `heartbeatMs`. Streams are ended when the client goes away and when the server closes.
 */
export function eventsRoutes(deps: { events: EventBus; heartbeatMs: number }) {
  return async function register(app: FastifyInstance): Promise<void> {
    const open = new Set<ServerResponse>();
    app.addHook('preClose', async () => {
      for (const res of open) res.end();
      open.clear();
    });

    app.get('/api/ebay/events', { config: { access: 'authenticated' } }, async (request, reply) => {
      const q = parseOrThrow(querySchema, request.query);
      const header = request.headers['last-event-id'];
      const lastEventId = typeof header === 'string' && /^\d{1,19}$/.test(header) ? header : q.lastEventId;
      const filter = {
        accountId: q.accountId,
        runId: q.runId,
        types: q.types ? q.types.split(',').map((t) => t.trim()).filter(Boolean) : undefined,
      };

      // Buffer live events until the replay is written, then drop the ones the replay already sent.
      let buffered: EbayEvent[] | null = [];
      const sent = new Set<string>();
      const res = reply.raw;
      const write = (event: EbayEvent) => {
        if (sent.has(event.id)) return;
        sent.add(event.id);
        if (sent.size > EVENT_WINDOW) sent.delete(sent.values().next().value as string);
        res.write(frame(event));
      };
      const unsubscribe = deps.events.subscribe(filter, (event) => {
        if (buffered) buffered.push(event);
        else write(event);
      });
      let heartbeat: NodeJS.Timeout | undefined;
      const cleanup = () => {
        unsubscribe();
        if (heartbeat) clearInterval(heartbeat);
        open.delete(res);
      };
      res.on('close', cleanup);

      try {
        await deps.events.listen();
        // A resume (Last-Event-ID) continues after the last event it saw; a new view may ask for recent history.
        const replay = lastEventId
          ? await missedEvents(deps.events, lastEventId, filter)
          : q.tail
            ? await deps.events.latest(filter, q.tail)
            : [];
        reply.hijack();
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': request.id,
        });
        open.add(res);
        res.write(`retry: 3000\n: connected ${request.id}\n\n`);
        for (const event of replay) write(event);
        const pending: EbayEvent[] = buffered;
        buffered = null;
        for (const event of pending.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))) write(event);
        heartbeat = setInterval(() => res.write(': heartbeat\n\n'), deps.heartbeatMs);
        heartbeat.unref();
      } catch (err) {
        cleanup();
        throw err;
      }
    });
  };
}
