import { hashInts, labelCode, unit } from '../util/prng';
import { DAY, HOUR } from '../util/time';

/**
 * Version of the generator of the history's creation times and of the live orders' schedule. An overlay kept in the
 * state file refers to orders by index, so it holds only for what this generator made (`state/persisted-state.ts`).
 * 1: evenly spaced orders, history and live.
 */
export const HISTORY_GENERATOR = 2;

const JITTER = labelCode('created-jitter');
const DAY_NOISE = labelCode('orders-day-noise');
const TREND = labelCode('orders-trend');

/** Relative order volume per weekday (UTC), Sunday first: buyers shop most around the weekend's end. */
const WEEKDAY = [1.18, 1.14, 1.04, 1, 0.95, 0.86, 0.83];
/**
 * Relative order volume per hour of the day (UTC). Buyers are mostly American: most orders come in their evening
 * (01:00-03:00 UTC), fewest in their night (09:00-12:00 UTC).
 */
const HOUR_OF_DAY = [
  1.45, 1.6, 1.6, 1.45, 1.2, 0.95, 0.72, 0.55, 0.45, 0.38, 0.35, 0.38,
  0.45, 0.6, 0.78, 0.92, 1.02, 1.08, 1.12, 1.14, 1.18, 1.24, 1.3, 1.38,
];
/** Spread of the day-to-day noise: the log of a day's factor has this standard deviation. */
const DAY_NOISE_SIGMA = 0.3;
/** The holiday season: up to +45 % around December 3, from mid November to the days before Christmas. */
const SEASON_PEAK = { month: 11, day: 3, halfWidthDays: 18, amplitude: 0.45 };
/** The January dip: down to -22 % around January 12, from Christmas week to early February. */
const JANUARY_DIP = { month: 0, day: 12, halfWidthDays: 24, amplitude: -0.22 };
/** Yearly growth of a seller's volume: its log is seeded within [-0.15, 0.6) (some shops shrink a little). */
const TREND_MIN = -0.15;
const TREND_RANGE = 0.75;
const YEAR = 365 * DAY;
/** The smallest gap between two orders' creation times the density may give, so that they stay distinct in ms. */
const MIN_GAP = 2;

/** A raised-cosine bump of `amplitude` centred on a day of the year, as a factor for the day starting at `t`. */
function bump(t: number, at: { month: number; day: number; halfWidthDays: number; amplitude: number }): number {
  const year = new Date(t).getUTCFullYear();
  let factor = 1;
  for (const y of [year - 1, year, year + 1]) {
    const distance = Math.abs(t - Date.UTC(y, at.month, at.day)) / DAY;
    if (distance < at.halfWidthDays) factor += (at.amplitude * (1 + Math.cos((Math.PI * distance) / at.halfWidthDays))) / 2;
  }
  return factor;
}

/** Day-to-day noise of a seller's volume on day `day` (since the epoch): log-normal-like, median 1. */
function dayNoise(seed: number, seller: number, day: number): number {
  const h = hashInts(seed, seller, DAY_NOISE, day);
  // The sum of three uniform values, scaled to mean 0 and variance 1.
  const z = (((h & 1023) + ((h >>> 10) & 1023) + ((h >>> 20) & 1023) + 1.5) / 1024 - 1.5) * 2;
  return Math.exp(DAY_NOISE_SIGMA * z);
}

/**
 * A seller's seeded order volume on UTC day `day` (since the epoch), before its growth trend: weekday x day-to-day
 * noise x season (holiday peak, January dip). The history and the live orders after it (`live-activity.ts`) share it.
 */
export function dayVolume(seed: number, seller: number, day: number): number {
  const midnight = day * DAY;
  return (WEEKDAY[(day + 4) % 7] ?? 1) * dayNoise(seed, seller, day) * bump(midnight, SEASON_PEAK) * bump(midnight, JANUARY_DIP);
}

/** The relative order volume of the UTC hour starting at `hourStart` (a multiple of an hour). */
export function hourVolume(hourStart: number): number {
  return HOUR_OF_DAY[Math.round(hourStart / HOUR) % 24] ?? 1;
}

/**
 * Maps order index <-> creation time. The history's orders follow a seeded density over the window [start,
 * start + span): per UTC hour, weight = weekday x day noise x season (holiday peak, January dip) x the seller's
 * growth trend x hour of day. Base order i is created where the cumulated density reaches
 * `(i + 0.25 + 0.5 * jitter(i)) / baseCount` of its total (`0 <= jitter < 1`, linear within an hour), so creation time
 * is strictly increasing in the index (the window must keep any two orders 2 ms apart) and a time bound maps to an
 * index by inverting the cumulated density. Orders appended through the control API get explicit, increasing creation
 * times stored in `appended`.
 */
export class OrderTimeline {
  readonly appended: number[] = [];
  /** Density of each hour of the window (orders per ms, relative); hour 0 starts at the UTC hour holding `start`. */
  private readonly weights: Float64Array;
  /** `mass[b]`: the density cumulated over the window before hour b (`mass[hours]` is the total). */
  private readonly mass: Float64Array;
  /** `guide[g]`: the hour where the cumulated density reaches g / hours of its total (where the search starts). */
  private readonly guide: Int32Array;
  /** How far `start` is into its UTC hour (ms). */
  private readonly lead: number;
  private readonly totalMass: number;

  constructor(
    private readonly seed: number,
    private readonly seller: number,
    readonly baseCount: number,
    readonly start: number,
    readonly span: number,
  ) {
    const firstHour = Math.floor(start / HOUR) * HOUR;
    this.lead = start - firstHour;
    const hours = baseCount > 0 ? Math.max(1, Math.ceil((start + span - firstHour) / HOUR)) : 0;
    this.weights = new Float64Array(hours);
    this.mass = new Float64Array(hours + 1);
    const growth = TREND_MIN + TREND_RANGE * unit(seed, seller, TREND);
    let dayFactor = 0;
    let dayOf = NaN;
    let heaviest = 0;
    for (let b = 0; b < hours; b += 1) {
      const at = firstHour + b * HOUR;
      const day = Math.floor(at / DAY);
      if (day !== dayOf) {
        dayOf = day;
        dayFactor = dayVolume(seed, seller, day) * Math.exp((growth * (day * DAY - start)) / YEAR);
      }
      const weight = dayFactor * hourVolume(at);
      const from = Math.max(start, at);
      const to = Math.min(start + span, at + HOUR);
      this.weights[b] = weight;
      this.mass[b + 1] = (this.mass[b] ?? 0) + weight * Math.max(0, to - from);
      heaviest = Math.max(heaviest, weight);
    }
    this.totalMass = this.mass[hours] ?? 0;
    this.guide = new Int32Array(hours);
    for (let g = 0, b = 0; g < hours; g += 1) {
      const level = (g / hours) * this.totalMass;
      while (b < hours - 1 && (this.mass[b + 1] ?? 0) <= level) b += 1;
      this.guide[g] = b;
    }
    // Consecutive orders are at least half an order's share of the density apart, the least time where it is densest.
    if (baseCount > 0 && !((0.5 * this.totalMass) / baseCount / heaviest >= MIN_GAP)) {
      throw new Error('too many orders for the history window');
    }
  }

  get total(): number {
    return this.baseCount + this.appended.length;
  }

  created(index: number): number {
    if (index < this.baseCount) {
      const jitter = unit(this.seed, this.seller, JITTER, index);
      return this.start + Math.floor(this.offsetOf(((index + 0.25 + 0.5 * jitter) / this.baseCount) * this.totalMass));
    }
    const t = this.appended[index - this.baseCount];
    if (t === undefined) throw new Error(`order index ${index} out of range`);
    return t;
  }

  /** Smallest index whose creation time is >= t (total when none). */
  lowerBound(t: number): number {
    if (this.baseCount > 0 && t <= this.start) return 0;
    if (this.baseCount > 0) {
      // Order i is where the cumulated density reaches between (i + 0.25) and (i + 0.75) orders' shares: the guess is
      // at most one short, and the walk settles it (rounding to the ms included).
      const share = (this.massAt(t - this.start) / this.totalMass) * this.baseCount;
      let i = Math.min(this.baseCount, Math.max(0, Math.ceil(share - 0.75)));
      while (i > 0 && this.created(i - 1) >= t) i -= 1;
      while (i < this.baseCount && this.created(i) < t) i += 1;
      if (i < this.baseCount) return i;
    }
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

  /**
   * Where (ms after `start`, fractional) the cumulated density reaches `m`: the hour from the guide (half a step
   * on average, a few at most: an hour weighs from about a tenth to five times the average), linear within it.
   */
  private offsetOf(m: number): number {
    const mass = this.mass;
    const hours = this.weights.length;
    let b = this.guide[Math.min(hours - 1, Math.floor((m / this.totalMass) * hours))] ?? 0;
    while (b < hours - 1 && (mass[b + 1] ?? 0) <= m) b += 1;
    while (b > 0 && (mass[b] ?? 0) > m) b -= 1;
    return Math.max(0, b * HOUR - this.lead) + (m - (mass[b] ?? 0)) / (this.weights[b] ?? 1);
  }

  /** The density cumulated up to `offset` ms after `start` (the total beyond the window). */
  private massAt(offset: number): number {
    if (offset >= this.span) return this.totalMass;
    const b = Math.min(this.weights.length - 1, Math.max(0, Math.floor((offset + this.lead) / HOUR)));
    return (this.mass[b] ?? 0) + (this.weights[b] ?? 0) * Math.max(0, offset - Math.max(0, b * HOUR - this.lead));
  }
}
