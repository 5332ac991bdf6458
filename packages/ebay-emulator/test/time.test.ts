import { describe, expect, it } from 'vitest';
import { DAY, iso } from '../src/util/time';

describe('iso', () => {
  it('formats exactly as Date.prototype.toISOString', () => {
    const samples: number[] = [
      0,
      1,
      999,
      DAY - 1,
      DAY,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999), // leap day
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2025, 0, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1), // six-digit years fall back
      -1,
      -DAY - 123,
      1.5, // fractions fall back
      Date.UTC(2026, 5, 1, 12, 0, 0, 123) + 0.75,
    ];
    let s = 7;
    for (let i = 0; i < 20_000; i += 1) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      samples.push(Date.UTC(2023, 0, 1) + Math.floor((s / 2 ** 31) * 1500 * DAY));
    }
    for (const ms of samples) expect(iso(ms)).toBe(new Date(ms).toISOString());
  });
});
