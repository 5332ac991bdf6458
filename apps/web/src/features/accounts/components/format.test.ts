import { describe, expect, it } from 'vitest';
import { formatAgo, formatRelative, formatUtc } from './format';

describe('account time formatting', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('formats instants in UTC', () => {
    expect(formatUtc('2025-03-01T14:05:33.000Z')).toBe('2025-03-01 14:05 UTC');
    expect(formatUtc(null)).toBe('—');
  });

  it('formats the distance to now', () => {
    expect(formatRelative('2025-03-01T13:52:10Z', now)).toBe('in 1 h 52 min');
    expect(formatRelative('2025-03-01T12:00:45Z', now)).toBe('in 45 s');
    expect(formatRelative('2025-02-26T08:00:00Z', now)).toBe('3 d 4 h ago');
    expect(formatRelative('2026-03-01T12:00:00Z', now)).toBe('in 365 d');
  });

  it('never puts a past event in the future', () => {
    expect(formatAgo('2025-03-01T12:00:04Z', now)).toBe('just now');
    expect(formatAgo('2025-03-01T11:59:55Z', now)).toBe('just now');
    expect(formatAgo('2025-03-01T11:59:30Z', now)).toBe('30 s ago');
    expect(formatAgo('2025-03-01T10:00:00Z', now)).toBe('2 h ago');
    expect(formatAgo(null, now)).toBe('');
  });
});
