import pLimit from 'p-limit';

/**
 * Bounded-concurrency work whose tasks may add more tasks (a page that learns `total` schedules the rest).
 * A task is a fetch (holding one of `fetchConcurrency` slots, so eBay always has that many calls in flight) and
 * an optional write (holding one of `writeConcurrency` slots). At most `fetchConcurrency + writeConcurrency` tasks
 * are between fetch start and write end. Tasks added as `large` (a 600 KB page of orders, next to small detail
 * calls) are further limited to `largeInFlight` between fetch start and write end, which bounds the memory a run
 * holds when writes are slower than eBay while small calls keep the other fetch slots busy.
 * The first failure aborts the siblings' in-flight calls and is rethrown by `wait()`.
 */
export class TaskGroup {
  private readonly outer: ReturnType<typeof pLimit>;
  private readonly fetchLimit: ReturnType<typeof pLimit>;
  private readonly writeLimit: ReturnType<typeof pLimit>;
  private readonly largeLimit: ReturnType<typeof pLimit>;
  private readonly controller = new AbortController();
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;
  private readonly onParentAbort: () => void;

  constructor(
    fetchConcurrency: number,
    private readonly parent: AbortSignal,
    writeConcurrency = 3,
    largeInFlight = writeConcurrency + 2,
  ) {
    const c = Math.max(1, fetchConcurrency);
    this.outer = pLimit(c + Math.max(1, writeConcurrency));
    this.largeLimit = pLimit(Math.max(1, largeInFlight));
    this.fetchLimit = pLimit(c);
    this.writeLimit = pLimit(Math.max(1, writeConcurrency));
    this.onParentAbort = () => this.controller.abort(parent.reason);
    if (parent.aborted) this.controller.abort(parent.reason);
    else parent.addEventListener('abort', this.onParentAbort, { once: true });
  }

  /** Aborted when the run stops or a sibling task failed. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  add<T>(
    fetch: (signal: AbortSignal) => Promise<T>,
    write?: (value: T, signal: AbortSignal) => Promise<void>,
    options: { large?: boolean } = {},
  ): void {
    const signal = this.controller.signal;
    const task = async () => {
      if (this.failure || signal.aborted) return;
      const value = await this.fetchLimit(() =>
        signal.aborted ? Promise.reject(signal.reason as Error) : fetch(signal),
      );
      if (write)
        await this.writeLimit(() =>
          signal.aborted ? Promise.reject(signal.reason as Error) : write(value, signal),
        );
    };
    // A large task waits for its own slot before it takes a general one, so waiting never blocks small tasks.
    const p = (options.large ? this.largeLimit(() => this.outer(task)) : this.outer(task)).catch((error: unknown) => {
      if (!this.failure) {
        this.failure = { error: this.parent.aborted ? this.parent.reason : error };
        this.controller.abort(error);
      }
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  async wait(): Promise<void> {
    try {
      while (this.pending.size > 0) await Promise.all([...this.pending]);
    } finally {
      this.parent.removeEventListener('abort', this.onParentAbort);
    }
    if (this.failure) throw this.failure.error;
    if (this.parent.aborted) throw this.parent.reason;
  }
}
