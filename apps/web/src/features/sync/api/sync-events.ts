import { useEffect, useRef, useState } from 'react';
import { ebayEventSchema, type EbayEvent } from '@ebay-connector/contract';

/** Live progress of one run from `sync.*` events. */
export interface LiveProgress {
  runId: string;
  fetched: number;
  total: number | null;
  pages: number;
  finished: string | null;
}

const syncTypes = ['sync.started', 'sync.progress', 'sync.finished'] as const;
/** An account's status decides whether it may sync: a disconnect or a rejected grant elsewhere shows here at once. */
const accountTypes = ['account.status', 'account.connected'] as const;

function toProgress(event: EbayEvent): LiveProgress | null {
  if (!event.runId) return null;
  const d = event.data;
  const counters = (d['counters'] ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    runId: event.runId,
    fetched: num(counters['recordsFetched']),
    pages: num(counters['pages']),
    total: typeof d['total'] === 'number' ? d['total'] : null,
    finished: event.type === 'sync.finished' && typeof d['status'] === 'string' ? d['status'] : null,
  };
}

/**
 * `GET /api/ebay/events` (server-sent events) for sync progress of every account, or one. `onChange` fires on
 * `sync.started` and `sync.finished` (so the caller can refetch the status) and on account changes, with the type.
 */
export function useSyncEvents(accountId: string | undefined, onChange: (type: string) => void) {
  const [progress, setProgress] = useState<Record<string, LiveProgress>>({});
  const [live, setLive] = useState(false);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const url = `/api/ebay/events${accountId ? `?accountId=${encodeURIComponent(accountId)}` : ''}`;
    const source = new EventSource(url, { withCredentials: true });
    const receive = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = ebayEventSchema.safeParse(parsed);
      if (!event.success) return;
      const next = toProgress(event.data);
      if (next) setProgress((prev) => ({ ...prev, [next.runId]: next }));
      if (event.data.type !== 'sync.progress') changed.current(event.data.type);
    };
    for (const type of [...syncTypes, ...accountTypes]) source.addEventListener(type, receive);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, [accountId]);

  return { progress, live };
}
