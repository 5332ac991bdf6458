import type { EbayEvent } from '@ebay-connector/contract';
import { utcText } from '../../../lib/utc-time';

export type Tone = 'ok' | 'warn' | 'error' | 'info' | 'muted';

export interface TerminalLine {
  id: string;
  time: string;
  type: string;
  accountId: string | null;
  runId: string | null;
  text: string;
  tone: Tone;
  /** Ledger row of an `ebay.call` event: its detail is `/logs?id=<callId>`. */
  callId: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function toneOfStatus(status: number | null, errorKind: string | null = null): Tone {
  // A call ended on purpose (STOP, a worker shutting down) is no failure of eBay's or of the network.
  if (status === null && errorKind === 'aborted') return 'muted';
  if (status === null || status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'ok';
}

function counters(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

/**
 * One terminal line per event: method, operation, status and duration for calls (with eBay's request id when one
 * failed); counters for sync progress.
 */
export function formatEvent(event: EbayEvent): TerminalLine {
  const d = event.data;
  const base = {
    id: event.id,
    // The whole date: a run's lines span midnight, and its calls in the API logs carry the date too; milliseconds
    // because many calls share a second.
    time: utcText(event.createdAt, 'milliseconds') ?? event.createdAt,
    type: event.type,
    accountId: event.accountId,
    runId: event.runId,
    callId: null,
  };
  switch (event.type) {
    case 'ebay.call': {
      const status = num(d['status']);
      const attempt = num(d['attempt']);
      const errorId = num(d['ebayErrorId']);
      const errorKind = str(d['errorKind']);
      const parts = [
        str(d['method']) ?? '?',
        `${str(d['api']) ?? ''} ${str(d['operation']) ?? ''}`.trim(),
        status !== null ? String(status) : errorKind === 'aborted' ? 'aborted' : 'network error',
        `${num(d['durationMs']) ?? '?'} ms`,
      ];
      if (attempt !== null && attempt > 1) parts.push(`attempt ${attempt}`);
      if (errorId !== null) parts.push(`eBay error ${errorId}`);
      // A failed call shows eBay's id of it: what eBay's support asks for.
      const ebayRequestId = str(d['ebayRequestId']);
      if (ebayRequestId !== null && (status === null || status >= 400)) parts.push(`eBay request ${ebayRequestId}`);
      return { ...base, text: parts.join('  '), tone: toneOfStatus(status, errorKind), callId: str(d['callId']) };
    }
    case 'sync.started':
    case 'sync.progress':
    case 'sync.finished': {
      const finished = str(d['status']);
      const total = num(d['total']);
      const text = [
        str(d['resource']) ?? '',
        str(d['mode']) ?? '',
        finished ?? '',
        counters(d['counters']),
        total !== null ? `total=${total}` : '',
        str(d['errorCode']) ? `error=${str(d['errorCode'])}` : '',
      ]
        .filter(Boolean)
        .join('  ');
      const tone: Tone = finished === 'failed' ? 'error' : finished === 'succeeded' ? 'ok' : finished ? 'warn' : 'info';
      return { ...base, text, tone };
    }
    case 'account.status': {
      const status = str(d['status']) ?? '?';
      const reason = str(d['reason']);
      return {
        ...base,
        text: `status → ${status}${reason ? `  (${reason})` : ''}${d['purged'] === true ? '  data deleted' : ''}`,
        tone: status === 'active' ? 'ok' : 'warn',
      };
    }
    case 'account.connected':
      return {
        ...base,
        text: `${d['reconnected'] === true ? 'reconnected' : 'connected'}  ${str(d['label']) ?? ''} (${str(d['username']) ?? ''})`,
        tone: 'ok',
      };
    case 'account.refresh_warning':
      return { ...base, text: `refresh token expires ${str(d['refreshExpiresAt']) ?? 'soon'}; reconnect`, tone: 'warn' };
    default:
      return { ...base, text: JSON.stringify(d), tone: 'muted' };
  }
}
