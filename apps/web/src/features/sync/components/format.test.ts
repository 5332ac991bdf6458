import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRunStatus } from '@ebay-connector/contract';
import { formatDuration, formatRelative, formatTime, intervalError, pausedReason, progressText, runErrorNote, setupProgress, shownTotal } from './format';

describe('sync time formatting', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes run times in UTC whatever the browser time zone, as the API logs and the terminal do', () => {
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(formatTime('2026-01-31T23:05:09.123Z')).toBe('2026-01-31 23:05:09');
      expect(formatTime('2026-02-01T08:05:09.123+09:00')).toBe('2026-01-31 23:05:09');
    }
  });

  it('shows a dash for a missing time and the text for one it cannot read', () => {
    expect(formatTime(null)).toBe('-');
    expect(formatTime(undefined)).toBe('-');
    expect(formatTime('not a date')).toBe('not a date');
  });

  it('formats the distance to now and run durations', () => {
    const now = Date.parse('2026-01-31T12:00:00Z');
    expect(formatRelative('2026-01-31T12:15:00Z', now)).toBe('in 15 min');
    expect(formatRelative('2026-01-31T09:00:00Z', now)).toBe('3 h ago');
    expect(formatDuration({ startedAt: '2026-01-31T12:00:00Z', finishedAt: '2026-01-31T12:00:01.250Z' })).toBe('1.3 s');
    expect(formatDuration({ startedAt: '2026-01-31T12:00:00Z', finishedAt: '2026-01-31T12:03:04Z' })).toBe('3 min 4 s');
    expect(formatDuration({ startedAt: null, finishedAt: null })).toBe('-');
  });
});

describe('paused accounts', () => {
  it('says why an account that is not active may not sync', () => {
    expect(pausedReason('active')).toBeNull();
    expect(pausedReason('revoked')).toBe('the account was disconnected; connect it again to sync');
    expect(pausedReason('reauth_required')).toBe('eBay no longer accepts its grant; reconnect it to sync');
  });
});

describe('schedule intervals', () => {
  it('accepts whole minutes from 1 to a week and explains anything else', () => {
    expect(intervalError(1)).toBeNull();
    expect(intervalError('10080')).toBeNull();
    expect(intervalError(0)).toBe('Whole minutes from 1 to 10080 (a week)');
    expect(intervalError('10081')).toBe('Whole minutes from 1 to 10080 (a week)');
    expect(intervalError('1.5')).toBe('Whole minutes from 1 to 10080 (a week)');
    expect(intervalError('')).toBe('Enter an interval in minutes');
  });
});

describe('run progress', () => {
  const run = (status: SyncRunStatus, fetched: number, total: number | null, resumedFrom: string | null = null) => ({
    status,
    total,
    resumedFrom,
    counters: { calls: 1, pages: 1, recordsFetched: fetched, recordsInserted: 0, recordsUpdated: 0 },
  });

  it('shows a succeeded run by what it fetched, never as a partial percentage', () => {
    expect(progressText(run('succeeded', 1079, 2000, 'r1'))).toBe('1,079 fetched of 2,000 (the rest by the run it resumed)');
    expect(progressText(run('succeeded', 2000, 2000, 'r1'))).toBe('2,000 fetched');
    expect(progressText(run('succeeded', 1000, 1000))).toBe('1,000 fetched');
    expect(progressText(run('succeeded', 980, 1000))).toBe('980 fetched of 1,000');
  });

  it('counts a resumed run that did not finish apart from the run it resumed', () => {
    expect(progressText(run('cancelled', 200, 2000, 'r1'))).toBe('200 fetched of 2,000 (besides what the run it resumed fetched)');
    expect(progressText(run('running', 200, 2000, 'r1'), { fetched: 400, total: 2000 })).toBe(
      '400 fetched of 2,000 (besides what the run it resumed fetched)',
    );
  });

  it('never shows more fetched than the total', () => {
    expect(progressText(run('running', 30, 21))).toBe('30 / 30 (100%)');
    expect(progressText(run('succeeded', 30, 21))).toBe('30 fetched');
    expect(shownTotal(30, 21)).toBe(30);
    expect(shownTotal(3, null)).toBeNull();
  });

  it('shows the share of an unfinished run that started afresh', () => {
    expect(progressText(run('running', 500, 2000))).toBe('500 / 2,000 (25%)');
    expect(progressText(run('failed', 500, null))).toBe('500 fetched');
    expect(progressText(run('running', 500, null))).toBe('500 fetched, counting');
    expect(progressText(run('queued', 0, null))).toBe('queued');
  });
});

describe('run error notes', () => {
  it('shows a run waiting for the queue to retry it as a warning, other codes as errors', () => {
    expect(runErrorNote({ errorCode: 'retry_pending' })).toEqual({ label: 'Retrying', color: 'orange' });
    expect(runErrorNote({ errorCode: 'retries_exhausted' })).toEqual({ label: 'Error', color: 'red' });
    expect(runErrorNote({ errorCode: null })).toBeNull();
  });
});

describe('setup progress', () => {
  it('is nothing without accounts, connected with one, synced once a run succeeded', () => {
    expect(setupProgress(0, 0)).toEqual({ connected: false, synced: false });
    expect(setupProgress(2, 0)).toEqual({ connected: true, synced: false });
    expect(setupProgress(1, 1)).toEqual({ connected: true, synced: true });
  });
});
