import { Rng, hashInts, labelCode } from '../util/prng';

/**
 * What happens to an order after checkout. Orders are grouped in blocks of 64 consecutive indices and every block
 * holds a fixed number of each fate at positions drawn from the seed. Counting the members of a fate over an index
 * range is therefore arithmetic plus at most two partial blocks.
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

export class OrderFates {
  private cachedBlock = -1;
  private cachedLayout: Fate[] = [];
  private cachedPositions = new Map<Fate, number[]>();

  constructor(
    private readonly seed: number,
    private readonly seller: number,
    private readonly baseCount: number,
  ) {}

  private layout(block: number): void {
    if (block === this.cachedBlock) return;
    const slots = Array.from({ length: BLOCK }, (_, k) => k);
    const rng = new Rng(hashInts(this.seed, this.seller, LAYOUT, block));
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

  fateOf(index: number): Fate {
    if (index >= this.baseCount) return 'normal';
    this.layout(Math.floor(index / BLOCK));
    return this.cachedLayout[index % BLOCK] ?? 'normal';
  }

  /** Members of `fate` in [a, b). Appended orders are always 'normal'. */
  count(fate: Exclude<Fate, 'normal'>, a: number, b: number): number {
    const hi = Math.min(b, this.baseCount);
    if (hi <= a) return 0;
    const firstFull = Math.ceil(a / BLOCK);
    const lastFull = Math.floor(hi / BLOCK);
    if (firstFull >= lastFull) return this.scan(fate, a, hi);
    return this.scan(fate, a, firstFull * BLOCK) + (lastFull - firstFull) * FATE_COUNTS[fate] + this.scan(fate, lastFull * BLOCK, hi);
  }

  private scan(fate: Fate, a: number, b: number): number {
    let n = 0;
    for (let i = a; i < b; i += 1) if (this.fateOf(i) === fate) n += 1;
    return n;
  }

  /** First member >= x and < limit, or undefined. */
  next(fate: Exclude<Fate, 'normal'>, x: number, limit: number): number | undefined {
    const hi = Math.min(limit, this.baseCount);
    let block = Math.floor(x / BLOCK);
    while (block * BLOCK < hi) {
      this.layout(block);
      for (const p of this.cachedPositions.get(fate) ?? []) {
        const i = block * BLOCK + p;
        if (i >= x && i < hi) return i;
      }
      block += 1;
    }
    return undefined;
  }

  /** Last member <= x and >= floor, or undefined. */
  prev(fate: Exclude<Fate, 'normal'>, x: number, floor: number): number | undefined {
    const top = Math.min(x, this.baseCount - 1);
    let block = Math.floor(top / BLOCK);
    while (block >= 0 && (block + 1) * BLOCK > floor) {
      this.layout(block);
      const ps = this.cachedPositions.get(fate) ?? [];
      for (let k = ps.length - 1; k >= 0; k -= 1) {
        const i = block * BLOCK + (ps[k] ?? 0);
        if (i <= top && i >= floor) return i;
      }
      block -= 1;
    }
    return undefined;
  }
}
