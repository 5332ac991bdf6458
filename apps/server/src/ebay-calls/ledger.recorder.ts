import type { EbayCallRecord } from '@ebay-connector/ebay-client';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EventBus } from './event-bus';
import { insertLedgerRow } from './ledger.repository';

/** Who caused an eBay call: the HTTP request or job, the account, the sync run. */
export interface CallContext {
  accountId?: string | null | undefined;
  runId?: string | null | undefined;
  /** Our request id (HTTP request or job) that caused the call. */
  requestId?: string | null | undefined;
  correlationId?: string | null | undefined;
}

export interface LedgerRecorder {
  /** The client's `onCall` hook for calls made in `context`. */
  hookFor(context: CallContext): (call: EbayCallRecord) => void;
  /** Resolves when every row recorded so far is written (tests, graceful shutdown). */
  flush(): Promise<void>;
  /** Calls `listener` for every eBay call this process makes (metrics); returns the unsubscribe function. */
  observe(listener: (call: EbayCallRecord, context: CallContext) => void): () => void;
}

function cut(text: string | null, maxBytes: number): string | null {
  if (text === null) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return text;
  const head = new TextDecoder().decode(Buffer.from(text, 'utf8').subarray(0, maxBytes)).replace(/\uFFFD$/, '');
  return `${head}...[truncated ${bytes - Buffer.byteLength(head, 'utf8')} bytes]`;
}

/**
 * Writes one ledger row per HTTP attempt and announces it as an `ebay.call` event. Bodies arrive redacted from
 * the client; here they are only cut to `bodyMaxBytes`. A failed write is logged and never fails the eBay call.
 */
export function createLedgerRecorder(deps: { db: Db; events: EventBus; logger: Logger; bodyMaxBytes: number }): LedgerRecorder {
  const pending = new Set<Promise<void>>();
  const listeners = new Set<(call: EbayCallRecord, context: CallContext) => void>();
  const log = deps.logger.child({ component: 'ledger' });

  async function record(context: CallContext, call: EbayCallRecord): Promise<void> {
    const row = await insertLedgerRow(deps.db, {
      created_at: call.startedAt,
      account_id: context.accountId ?? null,
      run_id: context.runId ?? null,
      request_id: context.requestId ?? null,
      correlation_id: context.correlationId ?? null,
      api: call.api,
      operation: call.operation,
      method: call.method,
      url: call.url,
      status: call.status,
      duration_ms: Math.round(call.durationMs),
      attempt: call.attempt,
      ebay_error_id: call.ebayErrorId,
      error_kind: call.error?.kind ?? null,
      request_body: cut(call.requestBody, deps.bodyMaxBytes),
      response_body: cut(call.responseBody, deps.bodyMaxBytes),
    });
    await deps.events.publish({
      type: 'ebay.call',
      accountId: row.account_id,
      runId: row.run_id,
      data: {
        callId: String(row.id),
        api: row.api,
        operation: row.operation,
        method: row.method,
        status: row.status,
        durationMs: row.duration_ms,
        attempt: row.attempt,
        ebayErrorId: row.ebay_error_id,
        requestId: row.request_id,
      },
    });
  }

  return {
    hookFor(context) {
      return (call) => {
        for (const listener of listeners) {
          try {
            listener(call, context);
          } catch (err) {
            log.warn({ err }, 'eBay call listener failed');
          }
        }
        const p = record(context, call)
          .catch((err: unknown) => log.warn({ err, api: call.api, operation: call.operation }, 'could not record eBay call'))
          .finally(() => pending.delete(p));
        pending.add(p);
      };
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
