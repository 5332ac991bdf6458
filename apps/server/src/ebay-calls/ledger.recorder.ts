import { truncateUtf8, type EbayCallRecord } from '@ebay-connector/ebay-client';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { EventBus } from './event-bus';
import type { NewEvent } from './events.repository';
import { insertLedgerRows, type LedgerRow, type NewLedgerRow } from './ledger.repository';

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

/** Rows written per statement; calls made while a batch is being written wait for the next one. */
const BATCH_ROWS = 200;
/** Attempts per batch (about 6 s of backoff in all) before its rows are dropped. */
const MAX_ATTEMPTS = 5;
/** Above this many unwritten rows (Postgres slow or away) a warning is logged once per backlog. */
const BACKLOG_WARNING = 5_000;

// What PostgreSQL text cannot hold (NUL) and what is not UTF-8 (an unpaired surrogate): shown as U+FFFD, so one odd
// body never fails a batch of rows.
const UNSTORABLE = new RegExp(
  `${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);
const storable = (text: string): string => text.replace(UNSTORABLE, '\uFFFD');
/** eBay's request ids are short (`ri=...,rci=...`); a longer header value is cut to this. */
const EBAY_REQUEST_ID_MAX = 255;

function toRow(context: CallContext, call: EbayCallRecord, bodyMaxBytes: number): NewLedgerRow {
  return {
    created_at: call.startedAt,
    account_id: context.accountId ?? null,
    run_id: context.runId ?? null,
    request_id: context.requestId ?? null,
    correlation_id: context.correlationId ?? null,
    ebay_request_id: call.requestId === null ? null : storable(call.requestId.slice(0, EBAY_REQUEST_ID_MAX)),
    api: call.api,
    operation: call.operation,
    method: call.method,
    url: storable(call.url),
    status: call.status,
    duration_ms: Math.round(call.durationMs),
    attempt: call.attempt,
    ebay_error_id: call.ebayErrorId,
    error_kind: call.error?.kind ?? null,
    request_body: call.requestBody === null ? null : storable(truncateUtf8(call.requestBody, bodyMaxBytes).text),
    response_body: call.responseBody === null ? null : storable(truncateUtf8(call.responseBody, bodyMaxBytes).text),
  };
}

function toEvent(row: LedgerRow): NewEvent {
  return {
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
      // Why a call has no status: `aborted` (STOP, shutdown), `network` (unreachable, reset, timed out).
      errorKind: row.error_kind,
      requestId: row.request_id,
      ebayRequestId: row.ebay_request_id,
    },
  };
}

/**
 * Writes one ledger row per HTTP attempt and announces it as an `ebay.call` event. Bodies arrive redacted (and cut
 * to the same limit) from the client; here they are only held to `bodyMaxBytes` (a body the client cut stays as
 * it is). Rows are written in the background, in batches: one
 * statement for the rows and one for their events, whatever number of calls a sync makes at once. A failed write
 * is retried with backoff for a few seconds, then logged and dropped; it never fails the eBay call.
 */
export function createLedgerRecorder(deps: { db: Db; events: EventBus; logger: Logger; bodyMaxBytes: number }): LedgerRecorder {
  const listeners = new Set<(call: EbayCallRecord, context: CallContext) => void>();
  const log = deps.logger.child({ component: 'ledger' });
  let queue: NewLedgerRow[] = [];
  let writing: Promise<void> | null = null;
  let warned = false;
  let failures = 0;

  async function writeBatch(batch: NewLedgerRow[]): Promise<void> {
    const rows = await insertLedgerRows(deps.db, batch);
    await deps.events
      .publishMany(rows.map(toEvent))
      .catch((err: unknown) => log.warn({ err }, 'could not publish eBay call events'));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH_ROWS);
      try {
        await writeBatch(batch);
        queue = queue.slice(batch.length);
        failures = 0;
        if (queue.length < BACKLOG_WARNING) warned = false;
      } catch (err) {
        failures += 1;
        if (failures >= MAX_ATTEMPTS) {
          // Postgres stayed away for several seconds: these rows are lost (logged), later ones are still tried.
          log.error({ err, rows: batch.length, backlog: queue.length }, 'could not record eBay calls; rows dropped');
          queue = queue.slice(batch.length);
          failures = 0;
        } else {
          log.warn({ err, rows: batch.length, attempt: failures }, 'could not record eBay calls; retrying');
          await new Promise((r) => setTimeout(r, 200 * 2 ** failures));
        }
      }
    }
  }

  function kick(): void {
    writing ??= drain().finally(() => {
      writing = null;
      if (queue.length > 0) kick();
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
        queue.push(toRow(context, call, deps.bodyMaxBytes));
        if (queue.length >= BACKLOG_WARNING && !warned) {
          warned = true;
          log.warn({ backlog: queue.length }, 'eBay call ledger is falling behind');
        }
        kick();
      };
    },
    async flush() {
      while (writing || queue.length > 0) {
        if (!writing) kick();
        await writing;
      }
    },
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
