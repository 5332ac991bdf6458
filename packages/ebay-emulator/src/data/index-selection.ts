/**
 * A sorted set of order indices: the contiguous range [lo, hi) minus `excluded`, plus `extra` (indices outside the
 * range). Both lists are small and sorted. Paging costs O(log n) to find the offset plus O(page).
 */
export class IndexSelection {
  private readonly excludedSet: Set<number>;

  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly excluded: readonly number[],
    readonly extra: readonly number[],
  ) {
    this.excludedSet = new Set(excluded);
  }

  static explicit(sorted: readonly number[]): IndexSelection {
    return new IndexSelection(0, 0, [], sorted);
  }

  static range(lo: number, hi: number): IndexSelection {
    return new IndexSelection(lo, Math.max(lo, hi), [], []);
  }

  get total(): number {
    return this.hi - this.lo - this.excluded.length + this.extra.length;
  }

  has(i: number): boolean {
    return (i >= this.lo && i < this.hi && !this.excludedSet.has(i)) || binaryHas(this.extra, i);
  }

  /** Number of members <= x. */
  private countUpTo(x: number): number {
    const inRange = Math.max(0, Math.min(x + 1, this.hi) - this.lo);
    return inRange - upperBound(this.excluded, x) + upperBound(this.extra, x);
  }

  /** Members at positions [offset, offset + limit) in ascending order. */
  page(offset: number, limit: number): number[] {
    if (offset >= this.total || limit <= 0) return [];
    const maxIndex = Math.max(this.hi - 1, this.extra[this.extra.length - 1] ?? -1);
    let a = 0;
    let b = maxIndex;
    while (a < b) {
      const mid = Math.floor((a + b) / 2);
      if (this.countUpTo(mid) >= offset + 1) b = mid;
      else a = mid + 1;
    }
    const out: number[] = [];
    let extraPos = lowerBound(this.extra, a);
    let cursor = Math.max(a, this.lo);
    while (out.length < limit) {
      while (cursor < this.hi && this.excludedSet.has(cursor)) cursor += 1;
      const fromRange = cursor < this.hi ? cursor : Infinity;
      const fromExtra = this.extra[extraPos] ?? Infinity;
      if (fromRange === Infinity && fromExtra === Infinity) break;
      if (fromRange < fromExtra) {
        out.push(fromRange);
        cursor += 1;
      } else {
        out.push(fromExtra);
        extraPos += 1;
      }
    }
    return out;
  }
}

function lowerBound(list: readonly number[], x: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if ((list[m] ?? 0) < x) a = m + 1;
    else b = m;
  }
  return a;
}

function upperBound(list: readonly number[], x: number): number {
  return lowerBound(list, x + 1);
}

function binaryHas(list: readonly number[], x: number): boolean {
  const p = lowerBound(list, x);
  return list[p] === x;
}
