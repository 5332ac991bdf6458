import type { EbayEvent } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { createPgListener, type PgListener } from '../platform/pg-listener';
import {
  getEventsByIds,
  insertEventAndNotify,
  insertEventsAndNotify,
  latestEventId,
  listEventsAfter,
  listLatestEvents,
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
  /** The newest `limit` stored events that match, oldest first (a view that opens on recent history). */
  latest(filter: EventFilter, limit: number): Promise<EbayEvent[]>;
  /** Resolves once this process's LISTEN connection is up (opened lazily by `subscribe` otherwise). */
  listen(): Promise<void>;
  close(): Promise<void>;
}

export interface EventBusDeps {
  db: Db;
  /** The process's LISTEN connection (opened on the first subscribe); one of its own when absent. */
  listener?: PgListener;
  /** Connection string for a LISTEN connection of its own (when no `listener` is given). */
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
  const ownListener = deps.listener === undefined;
  const listener =
    deps.listener ??
    createPgListener({
      connectionString: deps.connectionString,
      logger: deps.logger,
      applicationName: 'ebay-connector-events',
      ...(deps.reconnectDelayMs === undefined ? {} : { reconnectDelayMs: deps.reconnectDelayMs }),
    });
  let closed = false;
  let maxSeenId: string | null = null;
  const delivered = new Set<string>();
  let pending: string[] = [];
  let draining: Promise<void> | null = null;

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
    if (closed) return; // a shared listener outlives this bus
    pending.push(id);
    kick();
  }

  function catchUp(fromId: string): void {
    catchUpFrom = fromId;
    kick();
  }

  let started: Promise<void> | null = null;
  let wanted = false;
  function ensureListening(): Promise<void> {
    if (closed) return Promise.resolve();
    wanted = true;
    started ??= listener
      .listen(channel, onNotify)
      .then(async () => {
        maxSeenId ??= await latestEventId(deps.db);
      })
      .catch((err: unknown) => {
        // The listener connects again by itself; the next subscribe or listen() waits for that.
        started = null;
        throw err;
      });
    return started;
  }
  // Events published while the connection was down were not notified: load them after it is back.
  listener.onConnected(async () => {
    if (closed || !wanted) return;
    if (maxSeenId === null) maxSeenId = await latestEventId(deps.db);
    else catchUp(maxSeenId);
  });

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
    latest: (filter, limit) => listLatestEvents(deps.db, filter, limit),
    listen: () => ensureListening(),
    async close() {
      closed = true;
      subscribers.clear();
      if (ownListener) await listener.close();
      await draining;
    },
  } satisfies EventBus;
}
