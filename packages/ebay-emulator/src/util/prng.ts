// Deterministic hashing used to derive every generated record from (seed, seller, kind, index).
// Records are never stored: the same inputs always give the same values.

const M32 = 0xffffffff;

/** 32-bit integer mix (a variant of the murmur3 finaliser). */
export function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash a list of small integers into one 32-bit value. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    // Split values that may exceed 32 bits so big indices stay distinct.
    const lo = p & M32;
    const hi = Math.floor(p / 4294967296) & M32;
    h = mix32(h ^ lo) + 0x7f4a7c15;
    h = mix32(h ^ hi) + 0x165667b1;
  }
  return mix32(h);
}

/** Stable numeric code of a short label, used as a hash part. */
export function labelCode(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small sequential generator (mulberry32) seeded from a hash. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export function rngFor(...parts: number[]): Rng {
  return new Rng(hashInts(...parts));
}

/** A value in [0, 1) from a hash. */
export function unit(...parts: number[]): number {
  return hashInts(...parts) / 4294967296;
}
