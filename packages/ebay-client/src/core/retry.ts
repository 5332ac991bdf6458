export interface RetryOptions {
  /** Total attempts including the first one. Default 4. */
  maxAttempts: number;
  /** First backoff ceiling. Default 500 ms. */
  baseDelayMs: number;
  /** Upper bound of any single wait, including a server's Retry-After. Default 30 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(maxDelayMs, baseDelayMs * 2^retryIndex)].
 * `retryIndex` is 0 for the first retry. `random` returns a number in [0, 1).
 */
export function computeBackoffMs(
  retryIndex: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(retryIndex, 0), 30);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** Parses a Retry-After header (delta seconds or HTTP date) into milliseconds from `now`; null if absent/invalid. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Decides whether a failed attempt is retried and after how long.
 * A Retry-After longer than `maxDelayMs` is not waited for: the error is thrown with `retryAfterMs` so the caller
 * can reschedule the work instead of holding a worker.
 */
export function decideRetry(
  error: { retryable: boolean; retryAfterMs: number | null },
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): RetryDecision {
  if (!error.retryable || attempt >= options.maxAttempts) return { retry: false };
  if (error.retryAfterMs !== null) {
    if (error.retryAfterMs > options.maxDelayMs) return { retry: false };
    return { retry: true, delayMs: error.retryAfterMs };
  }
  return { retry: true, delayMs: computeBackoffMs(attempt - 1, options, random) };
}
