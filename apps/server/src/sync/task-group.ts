import pLimit from 'p-limit';

/** Runs one call in a fetch slot of the group (with the group's abort signal). */
export type SlotCall = <R>(fn: (signal: AbortSignal) => Promise<R>) => Promise<R>;

/**
 * Bounded-concurrency work whose tasks may add more tasks (a page that learns `total` schedules the rest).
 * A task is a fetch (holding one of `fetchConcurrency` slots, so eBay always has that many calls in flight) and
 * an optional write (holding one of `writeConcurrency` slots). At most `fetchConcurrency + writeConcurrency` tasks
 * are between fetch start and write end. Tasks added as `large` (a 600 KB page of orders, next to small detail
 * calls) are further limited to `largeInFlight` between fetch start and write end, which bounds the memory a run
 * holds when writes are slower than eBay while small calls keep the other fetch slots busy.
 * A task may `follow` its fetch with more calls that its write needs (getOrder for a page's cancelled orders): each
 * takes a fetch slot of its own once the task's first call has given its slot back, so the calls in flight stay
 * bounded by `fetchConcurrency` and a task never waits for a slot while holding one.
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
    options?: { large?: boolean },
  ): void;
  add<T, U>(
    fetch: (signal: AbortSignal) => Promise<T>,
    write: (value: U, signal: AbortSignal) => Promise<void>,
    options: { large?: boolean; follow: (value: T, call: SlotCall) => Promise<U> },
  ): void;
  add(
    fetch: (signal: AbortSignal) => Promise<unknown>,
    write?: (value: unknown, signal: AbortSignal) => Promise<void>,
    options: { large?: boolean; follow?: (value: unknown, call: SlotCall) => Promise<unknown> } = {},
  ): void {
    const signal = this.controller.signal;
    const call: SlotCall = (fn) =>
      this.fetchLimit(() => (signal.aborted ? Promise.reject(signal.reason as Error) : fn(signal)));
    const task = async () => {
      if (this.failure || signal.aborted) return;
      const fetched = await call(fetch);
      const value = options.follow ? await options.follow(fetched, call) : fetched;
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
