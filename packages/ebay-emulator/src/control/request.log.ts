export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  operation: string | undefined;
  status: number;
  durationMs: number;
  /** Last characters of the token used, never the token. */
  tokenHint: string | undefined;
  fault: string | undefined;
}

/** Ring buffer of the most recent requests. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  total = 0;

  constructor(private readonly capacity: number) {}

  add(entry: RequestLogEntry): void {
    this.total += 1;
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Newest first. */
  latest(limit: number): RequestLogEntry[] {
    return this.entries.slice(-limit).reverse();
  }

  clear(): void {
    this.entries.length = 0;
    this.total = 0;
  }
}
