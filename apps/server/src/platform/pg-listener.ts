import pg from 'pg';
import type { Logger } from './logger';

/**
 * One dedicated connection that LISTENs on any number of channels for this process (Postgres NOTIFY reaches every
 * process connected to the database). A lost connection is opened again after `reconnectDelayMs`; notices sent
 * meanwhile are lost, so each `onConnected` callback runs after every (re)connection with `first` telling which,
 * for its owner to catch up. The connection opens on the first `listen`.
 */
export interface PgListener {
  /** Calls `handler` with the payload of every NOTIFY on `channel`; resolves once the channel is listened to. */
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  /** Runs `cb` after each connection is up and listening (`first` on the first one). */
  onConnected(cb: (first: boolean) => void | Promise<void>): void;
  /** Whether notices are being received right now. */
  connected(): boolean;
  close(): Promise<void>;
}

export function createPgListener(deps: {
  connectionString: string;
  logger: Logger;
  applicationName?: string;
  reconnectDelayMs?: number;
}): PgListener {
  const log = deps.logger.child({ component: 'pg-listener' });
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const connectedCallbacks: ((first: boolean) => void | Promise<void>)[] = [];
  let client: pg.Client | null = null;
  let starting: Promise<void> | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let connections = 0;
  /** Channels the current connection LISTENs on. */
  let listening = new Set<string>();

  async function listenAll(c: pg.Client): Promise<void> {
    for (const channel of handlers.keys()) {
      if (listening.has(channel)) continue;
      listening.add(channel);
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      starting = null;
      void ensureConnected().catch(() => scheduleReconnect());
    }, deps.reconnectDelayMs ?? 1000);
    reconnectTimer.unref();
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: deps.connectionString,
      application_name: deps.applicationName ?? 'ebay-connector-listen',
    });
    c.on('notification', (msg) => {
      if (msg.payload === undefined) return;
      for (const handler of handlers.get(msg.channel) ?? []) {
        try {
          handler(msg.payload);
        } catch (err) {
          log.warn({ err, channel: msg.channel }, 'notification handler failed');
        }
      }
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (closed) return;
      log.warn({ err: err ? { message: err.message } : undefined }, 'listen connection lost, reconnecting');
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      scheduleReconnect();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    listening = new Set();
    await listenAll(c);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    connections += 1;
    const first = connections === 1;
    for (const cb of connectedCallbacks) {
      try {
        await cb(first);
      } catch (err) {
        log.warn({ err }, 'listen connection callback failed');
      }
    }
  }

  function ensureConnected(): Promise<void> {
    if (closed) return Promise.resolve();
    starting ??= connect().catch((err: unknown) => {
      log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'listen connection failed');
      starting = null;
      scheduleReconnect();
      throw err;
    });
    return starting;
  }

  return {
    async listen(channel, handler) {
      const known = handlers.get(channel);
      if (known) known.add(handler);
      else handlers.set(channel, new Set([handler]));
      await ensureConnected();
      // A connection opened before this channel was added does not LISTEN on it yet.
      if (client) await listenAll(client);
    },
    onConnected(cb) {
      connectedCallbacks.push(cb);
    },
    connected: () => client !== null,
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
