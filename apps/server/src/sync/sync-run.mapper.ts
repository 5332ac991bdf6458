import type { SyncRun } from '@ebay-connector/contract';
import type { SyncRunRow } from './sync-runs.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSyncRun(r: SyncRunRow): SyncRun {
  return {
    id: r.id,
    accountId: r.account_id,
    resource: r.resource,
    mode: r.mode,
    trigger: r.trigger,
    status: r.status,
    since: iso(r.since),
    until: iso(r.until),
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    heartbeatAt: iso(r.heartbeat_at),
    cancelRequestedAt: iso(r.cancel_requested_at),
    counters: {
      calls: r.calls,
      pages: r.pages,
      recordsFetched: r.records_fetched,
      recordsInserted: r.records_inserted,
      recordsUpdated: r.records_updated,
    },
    total: r.total,
    checkpoint: r.checkpoint,
    resumedFrom: r.resumed_from,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    correlationId: r.correlation_id,
  };
}
