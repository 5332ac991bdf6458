import { Rng, hashInts, labelCode } from '../util/prng';

/**
 * What happens to an order after checkout. Orders are grouped in blocks of 64 consecutive indices and every block
 * holds a fixed number of each fate at positions drawn from the seed. Counting the members of a fate over an index
 * range is therefore arithmetic plus at most two partial blocks. Live orders follow a layout of their own over their
 * live numbers, with the same proportions.
 */
export type Fate = 'normal' | 'cancelled' | 'refunded' | 'disputed' | 'messagedReplied' | 'messagedOpen';

export const BLOCK = 64;
export const FATE_COUNTS: Readonly<Record<Exclude<Fate, 'normal'>, number>> = {
  cancelled: 2,
  refunded: 2,
  disputed: 1,
  messagedReplied: 2,
  messagedOpen: 2,
};
const SPECIAL = Object.entries(FATE_COUNTS) as [Exclude<Fate, 'normal'>, number][];
const LAYOUT = labelCode('fate-layout');

const LIVE_LAYOUT = labelCode('live-fate-layout');

/** Number of elements of the ascending `sorted` that are < x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The fates of an unbounded sequence (positions 0, 1, ...) laid out per block of 64 from one seeded label. */
class FateLayout {
  private cachedBlock = -1;
  private cachedLayout: Fate[] = [];
  private cachedPositions = new Map<Fate, number[]>();

  constructor(
    private readonly seed: number,
    private readonly seller: number,
    private readonly label: number,
  ) {}

  private layout(block: number): void {
    if (block === this.cachedBlock) return;
    const slots = Array.from({ length: BLOCK }, (_, k) => k);
    const rng = new Rng(hashInts(this.seed, this.seller, this.label, block));
    const layout: Fate[] = new Array<Fate>(BLOCK).fill('normal');
    const positions = new Map<Fate, number[]>();
    let cursor = 0;
    for (const [fate, count] of SPECIAL) {
      const mine: number[] = [];
      for (let c = 0; c < count; c += 1) {
        const j = cursor + Math.floor(rng.next() * (BLOCK - cursor));
        const a = slots[cursor] ?? 0;
        const b = slots[j] ?? 0;
        slots[cursor] = b;
        slots[j] = a;
        layout[b] = fate;
        mine.push(b);
        cursor += 1;
      }
      positions.set(fate, mine.sort((x, y) => x - y));
    }
    this.cachedBlock = block;
    this.cachedLayout = layout;
    this.cachedPositions = positions;
  }

  fateAt(k: number): Fate {
    this.layout(Math.floor(k / BLOCK));
    return this.cachedLayout[k % BLOCK] ?? 'normal';
  }

  /** Members of `fate` in [a, b). */
  count(fate: Exclude<Fate, 'normal'>, a: number, b: number): number {
    if (b <= a) return 0;
    const firstFull = Math.ceil(a / BLOCK);
    const lastFull = Math.floor(b / BLOCK);
    if (firstFull >= lastFull) return this.scan(fate, a, b);
    return this.scan(fate, a, firstFull * BLOCK) + (lastFull - firstFull) * FATE_COUNTS[fate] + this.scan(fate, lastFull * BLOCK, b);
  }

  private scan(fate: Fate, a: number, b: number): number {
    let n = 0;
    for (let k = a; k < b; k += 1) if (this.fateAt(k) === fate) n += 1;
    return n;
  }

  /** First member >= x and < limit, or undefined. */
  next(fate: Exclude<Fate, 'normal'>, x: number, limit: number): number | undefined {
    let block = Math.floor(Math.max(0, x) / BLOCK);
    while (block * BLOCK < limit) {
      this.layout(block);
      for (const p of this.cachedPositions.get(fate) ?? []) {
        const k = block * BLOCK + p;
        if (k >= x && k < limit) return k;
      }
      block += 1;
    }
    return undefined;
  }

  /** Last member <= x and >= floor, or undefined. */
  prev(fate: Exclude<Fate, 'normal'>, x: number, floor: number): number | undefined {
    let block = Math.floor(x / BLOCK);
    while (block >= 0 && (block + 1) * BLOCK > floor) {
      this.layout(block);
      const ps = this.cachedPositions.get(fate) ?? [];
      for (let j = ps.length - 1; j >= 0; j -= 1) {
        const k = block * BLOCK + (ps[j] ?? 0);
        if (k <= x && k >= floor) return k;
      }
      block -= 1;
    }
    return undefined;
  }
}

/**
 * The fates of a seller's orders. The history's (indices below `baseCount`) and the live orders' (by live number k,
 * from `liveFatedFrom` on) follow two layouts with the same proportions; orders created through the control API are
 * 'normal'. Live orders are a sorted subset of the appended indices, so an index range maps to a range of live
 * numbers by binary search and the same block arithmetic applies.
 */
export class OrderFates {
  private readonly history: FateLayout;
  private readonly live: FateLayout;
  /**
   * Live numbers below this stay 'normal': live orders recorded by a state file written before live orders had fates
   * (their shipments are kept as overrides, which a cancellation would contradict).
   */
  liveFatedFrom = 0;

  constructor(
    seed: number,
    seller: number,
    private readonly baseCount: number,
    /** Timeline indices of the live orders, ascending (the dataset's list, growing as they arrive). */
    private readonly liveOrders: readonly number[],
  ) {
    this.history = new FateLayout(seed, seller, LAYOUT);
    this.live = new FateLayout(seed, seller, LIVE_LAYOUT);
  }

  /** Live number of the order at `index`, or undefined when it is not a live order. */
  liveNumber(index: number): number | undefined {
    if (index < this.baseCount) return undefined;
    const k = lowerBound(this.liveOrders, index);
    return this.liveOrders[k] === index ? k : undefined;
  }

  fateOf(index: number): Fate {
    if (index < this.baseCount) return this.history.fateAt(index);
    const k = this.liveNumber(index);
    return k === undefined || k < this.liveFatedFrom ? 'normal' : this.live.fateAt(k);
  }

  /** Live numbers [kLo, kHi) of the fated live orders among indices [a, b). */
  private liveRange(a: number, b: number): [number, number] {
    const kLo = Math.max(this.liveFatedFrom, lowerBound(this.liveOrders, Math.max(a, this.baseCount)));
    return [kLo, Math.max(kLo, lowerBound(this.liveOrders, b))];
  }

  /** Members of `fate` in [a, b). */
  count(fate: Exclude<Fate, 'normal'>, a: number, b: number): number {
    const history = this.history.count(fate, a, Math.min(b, this.baseCount));
    if (b <= this.baseCount) return history;
    const [kLo, kHi] = this.liveRange(a, b);
    return history + this.live.count(fate, kLo, kHi);
  }

  /** First member >= x and < limit, or undefined. */
  next(fate: Exclude<Fate, 'normal'>, x: number, limit: number): number | undefined {
    if (x < this.baseCount) {
      const i = this.history.next(fate, x, Math.min(limit, this.baseCount));
      if (i !== undefined || limit <= this.baseCount) return i;
    }
    const [kLo, kHi] = this.liveRange(x, limit);
    const k = this.live.next(fate, kLo, kHi);
    return k === undefined ? undefined : this.liveOrders[k];
  }

  /** Last member <= x and >= floor, or undefined. */
  prev(fate: Exclude<Fate, 'normal'>, x: number, floor: number): number | undefined {
    if (x >= this.baseCount) {
      const [kLo, kHi] = this.liveRange(floor, x + 1);
      const k = this.live.prev(fate, kHi - 1, kLo);
      if (k !== undefined) return this.liveOrders[k];
    }
    return this.history.prev(fate, Math.min(x, this.baseCount - 1), floor);
  }
}
