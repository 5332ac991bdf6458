import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, formatTime, intervalError, pausedReason } from './format';

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
