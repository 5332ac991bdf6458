import type { QueueSettings } from './sync-queue';

/** Engine tuning, from the SYNC_* configuration variables. */
export interface SyncSettings {
  /** Runs one worker process executes at once (SYNC_CONCURRENCY). */
  workerConcurrency: number;
  /** eBay calls one run keeps in flight (SYNC_FETCH_CONCURRENCY). */
  fetchConcurrency: number;
  /** Incremental runs start this long before the watermark (SYNC_OVERLAP_MINUTES). */
  overlapMs: number;
  /** Heartbeat and cancel-flag poll interval of a running run (SYNC_CANCEL_POLL_MS). */
  cancelPollMs: number;
  /** A running run whose heartbeat is older is interrupted and resumed (SYNC_HEARTBEAT_STALE_SECONDS). */
  heartbeatStaleMs: number;
  sweepIntervalMs: number;
  scheduleIntervalMs: number;
  /** In-process attempts for transient failures (database down, eBay 5xx after client retries). */
  maxAttempts: number;
  retryBaseMs: number;
  /** How long STOP waits for the run to end before answering. */
  stopWaitMs: number;
  pollingIntervalSeconds: number;
  /** getOrder per cancelled order to store its cancelRequests (SYNC_ORDER_CANCEL_DETAILS). */
  orderCancelDetails: boolean;
  /**
   * A scheduled run of a resource whose incremental runs miss some changes (`refreshedByFullRuns`) is a full run
   * when the last full one is older than this; 0 never (SYNC_FULL_REFRESH_HOURS).
   */
  fullRefreshMs: number;
  queue: QueueSettings;
}

export const defaultSyncSettings: SyncSettings = {
  workerConcurrency: 2,
  fetchConcurrency: 8,
  overlapMs: 15 * 60_000,
  cancelPollMs: 500,
  heartbeatStaleMs: 30_000,
  sweepIntervalMs: 10_000,
  scheduleIntervalMs: 30_000,
  maxAttempts: 5,
  retryBaseMs: 1000,
  stopWaitMs: 2500,
  pollingIntervalSeconds: 1,
  orderCancelDetails: true,
  fullRefreshMs: 24 * 3_600_000,
  queue: { retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 6 * 3600 },
};
