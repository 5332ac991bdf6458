import pg from 'pg';
import type { EbayEvent } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import {
  getEventsByIds,
  insertEventAndNotify,
  insertEventsAndNotify,
  latestEventId,
  listEventsAfter,
  matchesFilter,
  type EventFilter,
  type NewEvent,
} from './events.repository';

export type { EventFilter, NewEvent };

/**
 * Product events (API calls, sync progress, account status) for live views. Events are rows in
 * `ebay_events`; `publish` inserts and NOTIFYs, every process LISTENs on one connection and fans out to its
 * local subscribers, so a worker's events reach the API process that holds the browser's SSE connection.
 */
export interface EventBus {
  /** Publishes an event; `null` when it is not recorded because its account has been purged. */
  publish(event: NewEvent): Promise<EbayEvent | null>;
  /** Publishes several events with one statement (ids in the given order), leaving out purged accounts' ones. */
  publishMany(events: readonly NewEvent[]): Promise<EbayEvent[]>;
  /** Calls `cb` for every matching event published from now on (in any process). Returns the unsubscribe. */
  subscribe(filter: EventFilter, cb: (event: EbayEvent) => void): () => void;
  /** Stored events after `afterId` (for Last-Event-ID resume), oldest first. */
  replay(afterId: string, filter: EventFilter, limit?: number): Promise<EbayEvent[]>;
  /** Resolves once this process's LISTEN connection is up (opened lazily by `subscribe` otherwise). */
  listen(): Promise<void>;
  close(): Promise<void>;
}

export interface EventBusDeps {
  db: Db;
  /** Connection string for the dedicated LISTEN connection (opened on the first subscribe). */
  connectionString: string;
  logger: Logger;
  channel?: string;
  reconnectDelayMs?: number;
}

export const EVENTS_CHANNEL = 'ebay_events';

interface Subscriber {
  filter: EventFilter;
  cb: (event: EbayEvent) => void;
}

export function createEventBus(deps: EventBusDeps): EventBus {
  const channel = deps.channel ?? EVENTS_CHANNEL;
  const log = deps.logger.child({ component: 'event-bus' });
  const subscribers = new Set<Subscriber>();
  let client: pg.Client | null = null;
  let starting: Promise<void> | null = null;
  let closed = false;
  let maxSeenId: string | null = null;
  const delivered = new Set<string>();
  let pending: string[] = [];
  let draining: Promise<void> | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;

  function dispatch(event: EbayEvent): void {
    if (delivered.has(event.id)) return;
    delivered.add(event.id);
    if (delivered.size > 10_000) {
      const oldest = delivered.values().next().value;
      if (oldest !== undefined) delivered.delete(oldest);
    }
    if (maxSeenId === null || BigInt(event.id) > BigInt(maxSeenId)) maxSeenId = event.id;
    for (const sub of subscribers) {
      if (!matchesFilter(event, sub.filter)) continue;
      try {
        sub.cb(event);
      } catch (err) {
        log.warn({ err }, 'event subscriber failed');
      }
    }
  }

  // Ids are loaded as notified (not "everything after the highest id"): two publishers can commit out of order.
  async function drain(): Promise<void> {
    while (pending.length > 0 || catchUpFrom !== null) {
      const ids = pending;
      pending = [];
      const from = catchUpFrom;
      catchUpFrom = null;
      try {
        const events = [
          ...(from !== null ? await listEventsAfter(deps.db, from, {}, 1000) : []),
          ...(await getEventsByIds(deps.db, ids)),
        ];
        for (const event of events) dispatch(event);
      } catch (err) {
        log.warn({ err }, 'could not load notified events');
      }
    }
  }

  let catchUpFrom: string | null = null;
  function kick(): void {
    draining ??= drain().finally(() => {
      draining = null;
    });
  }

  function onNotify(id: string): void {
    pending.push(id);
    kick();
  }

  function catchUp(fromId: string): void {
    catchUpFrom = fromId;
    kick();
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      starting = null;
      void ensureListening().catch(() => scheduleReconnect());
    }, deps.reconnectDelayMs ?? 1000);
    reconnectTimer.unref();
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: deps.connectionString, application_name: 'ebay-connector-events' });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload) onNotify(msg.payload);
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (closed) return;
      log.warn({ err: err ? { message: err.message } : undefined }, 'event listener connection lost, reconnecting');
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      scheduleReconnect();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    if (maxSeenId === null) maxSeenId = await latestEventId(deps.db);
    else catchUp(maxSeenId); // anything published while the connection was down
  }

  function ensureListening(): Promise<void> {
    if (closed) return Promise.resolve();
    starting ??= connect().catch((err: unknown) => {
      log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'event listener failed to connect');
      starting = null;
      scheduleReconnect();
      throw err;
    });
    return starting;
  }

  return {
    publish: (event) => insertEventAndNotify(deps.db, channel, event),
    publishMany: (events) => insertEventsAndNotify(deps.db, channel, events),
    subscribe(filter, cb) {
      const sub: Subscriber = { filter, cb };
      subscribers.add(sub);
      void ensureListening().catch(() => undefined);
      return () => {
        subscribers.delete(sub);
      };
    },
    replay: (afterId, filter, limit = 1000) => listEventsAfter(deps.db, afterId, filter, limit),
    listen: () => ensureListening(),
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      subscribers.clear();
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
      await draining;
    },
  } satisfies EventBus;
}
