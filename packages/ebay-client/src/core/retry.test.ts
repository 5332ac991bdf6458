import { describe, expect, it } from 'vitest';
import { computeBackoffMs, decideRetry, parseRetryAfter } from './retry';

const opts = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('computeBackoffMs', () => {
  it('grows exponentially and is capped', () => {
    const max = () => 0.999999;
    expect(computeBackoffMs(0, opts, max)).toBe(99);
    expect(computeBackoffMs(1, opts, max)).toBe(199);
    expect(computeBackoffMs(3, opts, max)).toBe(799);
    expect(computeBackoffMs(10, opts, max)).toBe(999);
    expect(computeBackoffMs(100, opts, max)).toBe(999);
  });

  it('applies full jitter', () => {
    expect(computeBackoffMs(2, opts, () => 0)).toBe(0);
    expect(computeBackoffMs(2, opts, () => 0.5)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:10 GMT', now)).toBe(0);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('decideRetry', () => {
  it('retries retryable errors until maxAttempts', () => {
    const err = { retryable: true, retryAfterMs: null };
    expect(decideRetry(err, 1, opts, () => 0.5)).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry(err, 3, opts, () => 0.5)).toEqual({ retry: true, delayMs: 200 });
    expect(decideRetry(err, 4, opts)).toEqual({ retry: false });
  });

  it('never retries non-retryable errors', () => {
    expect(decideRetry({ retryable: false, retryAfterMs: null }, 1, opts)).toEqual({ retry: false });
  });

  it('honours Retry-After but gives up when it exceeds maxDelayMs', () => {
    expect(decideRetry({ retryable: true, retryAfterMs: 700 }, 1, opts)).toEqual({ retry: true, delayMs: 700 });
    expect(decideRetry({ retryable: true, retryAfterMs: 5000 }, 1, opts)).toEqual({ retry: false });
  });
});
