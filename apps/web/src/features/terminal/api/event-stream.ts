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
}

export function eventsUrl(filters: StreamFilters, lastEventId: string | null): string {
  const params = new URLSearchParams();
  if (filters.accountId) params.set('accountId', filters.accountId);
  if (filters.runId) params.set('runId', filters.runId);
  if (lastEventId) params.set('lastEventId', lastEventId);
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

/**
 * `GET /api/ebay/events` as server-sent events. The browser's EventSource reconnects by itself and sends
 * `Last-Event-ID`; a new filter opens a new stream that resumes after the last event seen, except a new run, which
 * starts from its first kept event (`lastEventId=0`): a run is usually opened after it started, often after it ended.
 * `replayed` turns true once the stream has been open for a moment, so an empty run can be told from a slow one.
 * `onEvent` may change between renders without reconnecting.
 */
export function useEventStream(filters: StreamFilters, onEvent: (event: EbayEvent) => void) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [replayed, setReplayed] = useState(false);
  const handler = useRef(onEvent);
  const lastEventId = useRef<string | null>(null);
  const streamedRun = useRef<string | undefined>(undefined);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  const { accountId, runId } = filters;
  useEffect(() => {
    if (runId && runId !== streamedRun.current) lastEventId.current = '0';
    streamedRun.current = runId;
    const url = eventsUrl({ accountId, runId }, lastEventId.current);
    const source = new EventSource(url, { withCredentials: true });
    let disposed = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    setStatus('connecting');
    setError(null);
    setReplayed(false);

    const receive = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = ebayEventSchema.safeParse(parsed);
      if (!event.success) return;
      lastEventId.current = event.data.id;
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
  }, [accountId, runId, attempt]);

  return { status, error, replayed, reconnect: () => setAttempt((n) => n + 1) };
}
