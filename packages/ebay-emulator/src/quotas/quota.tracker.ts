import { DEFAULT_QUOTAS, type QuotaApi, type QuotaLimits } from './quota-config';
import { DAY } from '../util/time';

export interface QuotaCounter {
  count: number;
  windowStart: number;
}

/**
 * Daily call counters per API, for the whole app and per user. The window is 24 hours of virtual time starting
 * at the first call after a reset.
 */
export class QuotaTracker {
  limits: QuotaLimits;
  private readonly app = new Map<QuotaApi, QuotaCounter>();
  private readonly user = new Map<string, QuotaCounter>();

  constructor(overrides: Partial<QuotaLimits>) {
    this.limits = { ...DEFAULT_QUOTAS, ...overrides };
  }

  private counter(map: Map<string, QuotaCounter>, key: string, now: number): QuotaCounter {
    let c = map.get(key);
    if (!c || now >= c.windowStart + DAY) {
      c = { count: 0, windowStart: now };
      map.set(key, c);
    }
    return c;
  }

  /** Count one call; false when the app's daily quota for this API is already used up. */
  consume(api: QuotaApi, userId: string | undefined, now: number): boolean {
    const appCounter = this.counter(this.app as Map<string, QuotaCounter>, api, now);
    if (appCounter.count >= this.limits[api]) return false;
    appCounter.count += 1;
    if (userId) this.counter(this.user, `${api}|${userId}`, now).count += 1;
    return true;
  }

  snapshot(api: QuotaApi, userId: string | undefined, now: number): { count: number; limit: number; remaining: number; reset: number } {
    const c = userId ? this.counter(this.user, `${api}|${userId}`, now) : this.counter(this.app as Map<string, QuotaCounter>, api, now);
    const limit = this.limits[api];
    return { count: c.count, limit, remaining: Math.max(0, limit - c.count), reset: c.windowStart + DAY };
  }

  /** Seconds until the app window for `api` resets. */
  retryAfterSeconds(api: QuotaApi, now: number): number {
    const c = this.counter(this.app as Map<string, QuotaCounter>, api, now);
    return Math.max(1, Math.ceil((c.windowStart + DAY - now) / 1000));
  }

  setLimits(overrides: Partial<QuotaLimits>): void {
    this.limits = { ...this.limits, ...overrides };
  }

  reset(): void {
    this.app.clear();
    this.user.clear();
  }
}
