import { abortError } from './errors';

/**
 * Bounds how many HTTP requests run at once. Create one per eBay account and share it between every client
 * (or call) made for that account. A slot is held for one HTTP attempt only, not during backoff waits nor while
 * `onUnauthorized` runs, so a token refresh can never deadlock behind the calls waiting for it.
 */
export interface ConcurrencyLimiter {
  readonly maxConcurrency: number;
  /** Requests running now. */
  readonly active: number;
  /** Requests waiting for a slot. */
  readonly pending: number;
  /** Runs `task` when a slot is free. Rejects with an abort error if `signal` fires while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Waiter {
  start: () => void;
}

export function createLimiter(maxConcurrency: number): ConcurrencyLimiter {
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new RangeError(`maxConcurrency must be a positive integer, got ${maxConcurrency}`);
  }
  let active = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    active -= 1;
    const next = queue.shift();
    if (next !== undefined) next.start();
  };

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted === true) return Promise.reject(abortError(signal));
    if (active < maxConcurrency) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          active += 1;
          resolve();
        },
      };
      const onAbort = (): void => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  };

  return {
    maxConcurrency,
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
