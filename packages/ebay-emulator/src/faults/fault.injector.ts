import type { EndpointFaults, FaultConfig, QueuedFault } from './fault-config';
import { Rng, hashInts, labelCode } from '../util/prng';

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'error'; delayMs: number; status: number }
  | { kind: 'rate_limit'; delayMs: number; retryAfterSeconds: number }
  | { kind: 'reset'; delayMs: number }
  | { kind: 'hang'; delayMs: number };

/** Decides, per request and deterministically from the seed, whether to inject a fault. */
export class FaultInjector {
  config: FaultConfig;
  private rng: Rng;
  private readonly seed: number;
  injected = 0;

  constructor(seed: number, config: FaultConfig) {
    this.seed = seed;
    this.config = structuredClone(config);
    this.rng = new Rng(hashInts(seed, labelCode('faults')));
  }

  update(config: Partial<FaultConfig>): FaultConfig {
    this.config = { ...this.config, ...structuredClone(config) };
    this.rng = new Rng(hashInts(this.seed, labelCode('faults')));
    return this.config;
  }

  decide(operation: string): FaultDecision {
    const c = this.config;
    const delayMs = c.latencyMs + (c.jitterMs > 0 ? Math.floor(this.rng.next() * (c.jitterMs + 1)) : 0);
    const queued = this.takeQueued(operation);
    if (queued) {
      this.injected += 1;
      return this.fromQueued(queued, delayMs);
    }
    const rule: EndpointFaults | undefined = c.endpoints[operation] ?? c.endpoints['*'];
    if (!rule) return { kind: 'none', delayMs };
    const roll = this.rng.next();
    let edge = 0;
    const statuses = rule.statuses && rule.statuses.length > 0 ? rule.statuses : [500, 502, 503];
    const pick = (): number => statuses[Math.floor(this.rng.next() * statuses.length)] ?? 500;
    const outcomes: [number | undefined, () => FaultDecision][] = [
      [rule.errorRate, () => ({ kind: 'error', delayMs, status: pick() })],
      [rule.rateLimitRate, () => ({ kind: 'rate_limit', delayMs, retryAfterSeconds: 1 })],
      [rule.resetRate, () => ({ kind: 'reset', delayMs })],
      [rule.hangRate, () => ({ kind: 'hang', delayMs })],
    ];
    for (const [rate, make] of outcomes) {
      edge += rate ?? 0;
      if (roll < edge) {
        this.injected += 1;
        return make();
      }
    }
    return { kind: 'none', delayMs };
  }

  private takeQueued(operation: string): QueuedFault | undefined {
    const idx = this.config.queue.findIndex((f) => (f.operation ?? '*') === '*' || f.operation === operation);
    if (idx < 0) return undefined;
    const fault = this.config.queue[idx];
    if (!fault) return undefined;
    const remaining = (fault.count ?? 1) - 1;
    if (remaining <= 0) this.config.queue.splice(idx, 1);
    else this.config.queue[idx] = { ...fault, count: remaining };
    return fault;
  }

  private fromQueued(f: QueuedFault, delayMs: number): FaultDecision {
    switch (f.kind) {
      case 'error':
        return { kind: 'error', delayMs, status: f.status ?? 500 };
      case 'rate_limit':
        return { kind: 'rate_limit', delayMs, retryAfterSeconds: f.retryAfterSeconds ?? 1 };
      case 'reset':
        return { kind: 'reset', delayMs };
      case 'hang':
        return { kind: 'hang', delayMs };
    }
  }
}
