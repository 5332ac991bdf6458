import { hashInts, labelCode } from '../util/prng';

const JITTER = labelCode('created-jitter');

/**
 * Maps order index <-> creation time. Base order i is created at
 * `start + i * step + jitter(i)` with `0 <= jitter < step / 2`, so creation time is strictly increasing in the
 * index and a time bound maps to an index by arithmetic. Orders appended through the control API get explicit,
 * increasing creation times stored in `appended`.
 */
export class OrderTimeline {
  readonly appended: number[] = [];

  constructor(
    private readonly seed: number,
    private readonly seller: number,
    readonly baseCount: number,
    readonly start: number,
    readonly step: number,
  ) {
    if (step < 2) throw new Error('too many orders for the history window');
  }

  get total(): number {
    return this.baseCount + this.appended.length;
  }

  created(index: number): number {
    if (index < this.baseCount) {
      const jitter = hashInts(this.seed, this.seller, JITTER, index) % Math.floor(this.step / 2);
      return this.start + index * this.step + jitter;
    }
    const t = this.appended[index - this.baseCount];
    if (t === undefined) throw new Error(`order index ${index} out of range`);
    return t;
  }

  /** Smallest index whose creation time is >= t (total when none). */
  lowerBound(t: number): number {
    if (this.baseCount > 0 && t <= this.start) return 0;
    let i = Math.min(this.baseCount, Math.max(0, Math.floor((t - this.start) / this.step)));
    while (i < this.baseCount && this.created(i) < t) i += 1;
    if (i < this.baseCount) return i;
    let lo = 0;
    let hi = this.appended.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.appended[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return this.baseCount + lo;
  }

  /** Index range [lo, hi) of orders created within [from, to] (inclusive bounds). */
  range(from: number, to: number): [number, number] {
    const lo = this.lowerBound(from);
    const hi = this.lowerBound(to + 1);
    return [lo, Math.max(lo, hi)];
  }

  lastCreated(): number {
    return this.total === 0 ? this.start : this.created(this.total - 1);
  }

  append(times: number[]): number[] {
    const first = this.total;
    this.appended.push(...times);
    return times.map((_, k) => first + k);
  }
}
