import {
  syncScheduleSchema,
  type AccountStatus,
  type SyncRun,
  type SyncRunStatus,
} from '@ebay-connector/contract';
import { utcText } from '../../../lib/utc-time';
import { formatCount } from '../../../lib/format-count';

export const statusColor: Record<SyncRunStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'yellow',
};

export const isActive = (status: SyncRunStatus | undefined) => status === 'queued' || status === 'running';

/**
 * `2025-01-31 14:05:09` in UTC, or `-`: the time zone of the API logs and the live terminal, so a run's times match
 * its calls' (the column headers say UTC).
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  return utcText(iso) ?? iso;
}

/** "in 5 min", "3 h ago". */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '-';
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const text =
    abs < 60_000 ? `${Math.round(abs / 1000)} s` : abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : abs < 172_800_000 ? `${Math.round(abs / 3_600_000)} h` : `${Math.round(abs / 86_400_000)} d`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

/** Run duration ("1.2 s", "3 min 4 s"); running runs count up to now. */
export function formatDuration(run: Pick<SyncRun, 'startedAt' | 'finishedAt'>, now = Date.now()): string {
  if (!run.startedAt) return '-';
  const ms = (run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Percentage of `total` fetched, or `null` when the total is not known yet. */
export function percent(fetched: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.round((fetched / total) * 100));
}

/**
 * The total to show next to `fetched`. A run's total is eBay's count when it started; records that arrive during
 * the run are fetched too, so the count can pass it, and "30 / 21" would read as a bug.
 */
export const shownTotal = (fetched: number, total: number | null): number | null => (total === null ? null : Math.max(total, fetched));


/**
 * What a run fetched, in words (`live`: newer counts from the event stream). A resumed run fetches only what the
 * run it resumed had not, so its own count against the total reads as unfinished work: a run that succeeded never
 * shows a percentage, and a resumed one says the rest was fetched before it.
 */
export function progressText(
  run: Pick<SyncRun, 'status' | 'counters' | 'total' | 'resumedFrom'>,
  live?: { fetched: number; total: number | null },
): string {
  if (run.status === 'queued') return 'queued';
  const fetched = Math.max(run.counters.recordsFetched, live?.fetched ?? 0);
  const total = shownTotal(fetched, live?.total ?? run.total);
  const short = total !== null && fetched < total ? total : null;
  if (run.status === 'succeeded' || run.resumedFrom !== null) {
    const ofTotal = short === null ? '' : ` of ${formatCount(short)}`;
    const rest =
      short === null || run.resumedFrom === null
        ? ''
        : run.status === 'succeeded'
          ? ' (the rest by the run it resumed)'
          : ' (besides what the run it resumed fetched)';
    return `${formatCount(fetched)} fetched${ofTotal}${rest}`;
  }
  if (total === null) return `${formatCount(fetched)} fetched${isActive(run.status) ? ', counting' : ''}`;
  return `${formatCount(fetched)} / ${formatCount(total)} (${percent(fetched, total) ?? 0}%)`;
}

/**
 * Why an account may not sync, as the end of a sentence ("Schedules are paused: …"), or `null` when it may. The
 * server refuses to start a run for such an account (409 `account_not_connected`), so the page says why first.
 */
export function pausedReason(status: AccountStatus): string | null {
  switch (status) {
    case 'active':
      return null;
    case 'revoked':
      return 'the account was disconnected; connect it again to sync';
    case 'reauth_required':
      return 'eBay no longer accepts its grant; reconnect it to sync';
  }
}

const intervalSchema = syncScheduleSchema.shape.intervalMinutes;
export const minInterval = intervalSchema.minValue ?? 1;
export const maxInterval = intervalSchema.maxValue ?? 10080;

/** Why a schedule interval as typed cannot be saved (outside the range the server accepts), or `null`. */
export function intervalError(value: number | string): string | null {
  const text = String(value).trim();
  if (text === '') return 'Enter an interval in minutes';
  return /^\d+$/.test(text) && intervalSchema.safeParse(Number(text)).success
    ? null
    : `Whole minutes from ${minInterval} to ${maxInterval} (a week)`;
}

/**
 * How a run's error reads: a run waiting for the queue to retry it (`retry_pending`) is not failed, so its note is a
 * warning ("Retrying"), not an error.
 */
export function runErrorNote(run: Pick<SyncRun, 'errorCode'>): { label: string; color: string } | null {
  if (!run.errorCode) return null;
  if (run.errorCode === 'retry_pending') return { label: 'Retrying', color: 'orange' };
  return { label: 'Error', color: 'red' };
}

/** Where a new installation stands: an account connected, a run that succeeded. */
export function setupProgress(accounts: number, succeededRuns: number): { connected: boolean; synced: boolean } {
  return { connected: accounts > 0, synced: succeededRuns > 0 };
}
