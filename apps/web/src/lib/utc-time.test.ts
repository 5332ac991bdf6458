import { describe, expect, it } from 'vitest';
import { utcLabel, utcText } from './utc-time';

describe('utcText', () => {
  it('writes an instant in UTC at the precision asked, whatever its offset', () => {
    expect(utcText('2026-02-01T08:05:09.123+09:00')).toBe('2026-01-31 23:05:09');
    expect(utcText('2026-01-31T23:05:09.123Z', 'minutes')).toBe('2026-01-31 23:05');
    expect(utcText('2026-01-31T23:05:09.123Z', 'milliseconds')).toBe('2026-01-31 23:05:09.123');
  });

  it('is null for a missing value or one that is not a date', () => {
    expect(utcText(null)).toBeNull();
    expect(utcText(undefined)).toBeNull();
    expect(utcText('')).toBeNull();
    expect(utcText('not a date')).toBeNull();
  });
});

describe('utcLabel', () => {
  it('names the zone after the UTC text, and is null where utcText is', () => {
    expect(utcLabel('2026-02-01T08:05:09.123+09:00')).toBe('2026-01-31 23:05:09 UTC');
    expect(utcLabel('2026-01-31T23:05:09.123Z', 'minutes')).toBe('2026-01-31 23:05 UTC');
    expect(utcLabel(null)).toBeNull();
    expect(utcLabel('not a date')).toBeNull();
  });
});
