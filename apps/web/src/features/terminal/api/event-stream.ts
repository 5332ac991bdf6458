import { useEffect, useRef, useState } from 'react';
import { ebayEventSchema, type EbayEvent } from '@ebay-connector/contract';
import { ApiError } from '../../../lib/api-client';

/** Event types the server sends (`event:` lines); an EventSource only delivers named events it listens for. */
export const streamEventTypes = [
  'ebay.call',
  'sync.started',
  'sync.progress',
  'sync.finished',
  'account.status',
  'account.connected',
  'account.refresh_warning',
] as const;

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface StreamFilters {
  accountId?: string | undefined;
  runId?: string | undefined;
  /** Event types, comma-separated; all when absent. */
  types?: string | undefined;
}

/** A replay of kept events starts with the newest this many (the terminal keeps as many lines). */
export const REPLAY_TAIL = 2000;

/**
 * The stream's URL: `lastEventId` `'0'` asks for the newest {@link REPLAY_TAIL} kept events that match (`tail`), another
 * id resumes after it, null starts live. The browser's own reconnects send `Last-Event-ID`, which the server
 * prefers to `tail`.
 */
export function eventsUrl(filters: StreamFilters, lastEventId: string | null): string {
  const params = new URLSearchParams();
  if (filters.accountId) params.set('accountId', filters.accountId);
  if (filters.runId) params.set('runId', filters.runId);
  if (filters.types) params.set('types', filters.types);
  if (lastEventId === '0') params.set('tail', String(REPLAY_TAIL));
  else if (lastEventId) params.set('lastEventId', lastEventId);
  const query = params.toString();
  return `/api/ebay/events${query ? `?${query}` : ''}`;
}

/** Why the stream closed for good (401, 403, 422…): the same request as JSON, read as an error envelope. */
async function closeReason(url: string): Promise<ApiError> {
  const controller = new AbortController();
  try {
    const res = await fetch(url, { credentials: 'same-origin', signal: controller.signal, headers: { accept: 'application/json' } });
    const requestId = res.headers.get('x-request-id');
    if (res.ok) {
      controller.abort();
      return new ApiError({ status: 0, code: 'stream_closed', message: 'The event stream closed.', requestId });
    }
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; requestId?: string } } | null;
    return new ApiError({
      status: res.status,
      code: body?.error?.code ?? 'unexpected_response',
      message: body?.error?.message ?? `The server answered ${res.status}`,
      requestId: body?.error?.requestId ?? requestId,
    });
  } catch {
    return new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The server could not be reached. Check your connection and try again.',
      requestId: null,
    });
  }
}

/** How long an open stream stays quiet before the replay of kept events counts as done (it comes right after the headers). */
const REPLAY_SETTLE_MS = 1000;
/** Event ids remembered to drop one delivered twice (the server's own window is 5000). */
const SEEN_IDS = 5000;

const filterKey = (f: StreamFilters) => JSON.stringify([f.accountId ?? '', f.runId ?? '', f.types ?? '']);

/**
 * Where a stream with `filters` starts: `'0'` replays the newest events the server kept that match them, `null` starts
 * with the next live event, another id resumes after it. The page's first stream replays, filtered or not: an
 * operator opens the terminal to see what just happened as much as what happens next (and a run is usually opened
 * after it started, often after it ended). A new filter replays what the server kept for it, since the lines of the
 * previous filter are not the new one's. A reconnect with the same filter resumes.
 */
export function streamStart(
  filters: StreamFilters,
  previous: { filters: StreamFilters; lastEventId: string | null } | null,
): string | null {
  if (previous === null) return '0';
  return filterKey(previous.filters) === filterKey(filters) ? previous.lastEventId : '0';
}

/**
 * `GET /api/ebay/events` as server-sent events. The browser's EventSource reconnects by itself and sends
 * `Last-Event-ID`; a new filter opens a new stream that starts as {@link streamStart} says, and the caller clears
 * its lines when it changes the filter. Each event reaches `onEvent` at most once per filter, however often it
 * arrives. `replayed` turns true once the stream has been open for a moment, so an empty replay can be told from a
 * slow one. `onEvent` may change between renders without reconnecting.
 */
export function useEventStream(filters: StreamFilters, onEvent: (event: EbayEvent) => void) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [replayed, setReplayed] = useState(false);
  const handler = useRef(onEvent);
  const streamed = useRef<{ filters: StreamFilters; lastEventId: string | null } | null>(null);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  const { accountId, runId, types } = filters;
  useEffect(() => {
    const current: StreamFilters = { accountId, runId, types };
    const start = streamStart(current, streamed.current);
    if (start === '0') seen.current = new Set();
    const stream = { filters: current, lastEventId: start };
    streamed.current = stream;
    const url = eventsUrl(current, start);
    const source = new EventSource(url, { withCredentials: true });
    let disposed = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    setStatus('connecting');
    setError(null);
    setReplayed(false);

    const receive = (message: MessageEvent<string>) => {
      if (disposed) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = ebayEventSchema.safeParse(parsed);
      if (!event.success) return;
      stream.lastEventId = event.data.id;
      const ids = seen.current;
      if (ids.has(event.data.id)) return;
      ids.add(event.data.id);
      if (ids.size > SEEN_IDS) ids.delete(ids.values().next().value as string);
      handler.current(event.data);
    };
    for (const type of streamEventTypes) source.addEventListener(type, receive);
    source.addEventListener('message', receive);
    source.onopen = () => {
      setStatus('live');
      clearTimeout(settle);
      settle = setTimeout(() => setReplayed(true), REPLAY_SETTLE_MS);
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        setStatus('reconnecting');
        return;
      }
      setStatus('closed');
      void closeReason(url).then((reason) => {
        if (!disposed) setError(reason);
      });
    };
    return () => {
      disposed = true;
      clearTimeout(settle);
      source.close();
    };
  }, [accountId, runId, types, attempt]);

  return { status, error, replayed, reconnect: () => setAttempt((n) => n + 1) };
}
