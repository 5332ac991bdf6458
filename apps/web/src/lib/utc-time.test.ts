import { describe, expect, it } from 'vitest';
import { utcText } from './utc-time';

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
