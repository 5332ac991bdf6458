import { describe, expect, it } from 'vitest';
import {
  halveWindow,
  incrementalStart,
  nextWatermark,
  inclusiveBounds,
  remainingOffsets,
  splitWindows,
} from './windows';

const DAY = 86_400_000;
const now = new Date('2025-06-01T00:00:00.000Z');

describe('splitWindows', () => {
  it('covers the whole range with windows no wider than the maximum, the last one open-ended', () => {
    const from = new Date(now.getTime() - 730 * DAY);
    const windows = splitWindows(from, null, 90 * DAY, now);
    expect(windows).toHaveLength(9);
    expect(windows[0]?.from).toBe(from.toISOString());
    expect(windows.at(-1)?.to).toBeNull();
    for (let i = 1; i < windows.length; i += 1) expect(windows[i]?.from).toBe(windows[i - 1]?.to);
    for (const w of windows.slice(0, -1))
      expect(Date.parse(w.to ?? '') - Date.parse(w.from)).toBeLessThanOrEqual(90 * DAY);
  });

  it('keeps an explicit end', () => {
    const windows = splitWindows(
      new Date('2025-01-01T00:00:00Z'),
      new Date('2025-01-10T00:00:00Z'),
      90 * DAY,
      now,
    );
    expect(windows).toEqual([{ from: '2025-01-01T00:00:00.000Z', to: '2025-01-10T00:00:00.000Z' }]);
  });

  it('splits finance history into 36-month windows', () => {
    const windows = splitWindows(new Date(now.getTime() - 5 * 365 * DAY), null, 3 * 365 * DAY, now);
    expect(windows).toHaveLength(2);
  });
});

describe('halveWindow', () => {
  it('splits at a whole second inside the window', () => {
    const halves = halveWindow({ from: '2025-01-01T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' }, now);
    expect(halves).toEqual([
      { from: '2025-01-01T00:00:00.000Z', to: '2025-01-02T00:00:00.000Z' },
      { from: '2025-01-02T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' },
    ]);
  });
  it('refuses to split below two seconds', () => {
    expect(halveWindow({ from: '2025-01-01T00:00:00.000Z', to: '2025-01-01T00:00:01.000Z' }, now)).toBeNull();
  });
});

describe('remainingOffsets', () => {
  it('lists the offsets after the first page', () => {
    expect(remainingOffsets(450, 200)).toEqual([200, 400]);
    expect(remainingOffsets(200, 200)).toEqual([]);
    expect(remainingOffsets(0, 200)).toEqual([]);
  });
  it('stops before the offset limit', () => {
    expect(remainingOffsets(9000, 1000, 5000)).toEqual([1000, 2000, 3000, 4000]);
  });
});

describe('inclusiveBounds', () => {
  it('makes inclusive bounds from a closed-open window', () => {
    expect(inclusiveBounds({ from: '2025-01-01T00:00:00.000Z', to: '2025-01-02T00:00:00.000Z' })).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-01T23:59:59.999Z',
    });
    expect(inclusiveBounds({ from: '2025-01-01T00:00:00.000Z', to: null })).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: null,
    });
  });
});

describe('watermarks', () => {
  it('starts an incremental run one overlap before the watermark, not before the earliest allowed date', () => {
    expect(incrementalStart(new Date('2025-01-01T01:00:00Z'), 15 * 60_000, new Date(0)).toISOString()).toBe(
      '2025-01-01T00:45:00.000Z',
    );
    expect(
      incrementalStart(new Date('2025-01-01T01:00:00Z'), DAY, new Date('2025-01-01T00:30:00Z')).toISOString(),
    ).toBe('2025-01-01T00:30:00.000Z');
  });
  it('advances to the newest record seen but never past the run start, never backwards', () => {
    const start = new Date('2025-01-02T00:00:00Z');
    expect(nextWatermark(null, new Date('2025-01-01T00:00:00Z'), start)?.toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
    expect(nextWatermark(null, new Date('2025-01-03T00:00:00Z'), start)?.toISOString()).toBe(
      start.toISOString(),
    );
    expect(nextWatermark(new Date('2025-01-01T12:00:00Z'), null, start)?.toISOString()).toBe(
      '2025-01-01T12:00:00.000Z',
    );
    expect(
      nextWatermark(new Date('2025-01-01T12:00:00Z'), new Date('2025-01-01T00:00:00Z'), start)?.toISOString(),
    ).toBe('2025-01-01T12:00:00.000Z');
  });
});
