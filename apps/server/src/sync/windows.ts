/** A closed-open time window [from, to); `to: null` means "up to now" (open-ended filter). */
export interface TimeWindow {
  from: string;
  to: string | null;
}

/**
 * Splits [from, to) into consecutive windows no wider than `maxMs`, oldest first.
 * With `to === null` the last window is open-ended so records created while the run lasts are not cut off.
 */
export function splitWindows(from: Date, to: Date | null, maxMs: number, now: Date): TimeWindow[] {
  const end = to ?? now;
  const windows: TimeWindow[] = [];
  let start = from.getTime();
  if (start >= end.getTime()) return [{ from: from.toISOString(), to: to ? to.toISOString() : null }];
  while (start < end.getTime()) {
    const stop = Math.min(start + maxMs, end.getTime());
    const last = stop >= end.getTime();
    windows.push({
      from: new Date(start).toISOString(),
      to: last && to === null ? null : new Date(stop).toISOString(),
    });
    start = stop;
  }
  return windows;
}

/** Halves a window (used when a finances window holds more records than offset < 5000 can reach). */
export function halveWindow(window: TimeWindow, now: Date): [TimeWindow, TimeWindow] | null {
  const from = Date.parse(window.from);
  const to = window.to === null ? now.getTime() : Date.parse(window.to);
  if (to - from < 2000) return null;
  const mid = new Date(from + Math.floor((to - from) / 2000) * 1000).toISOString();
  return [
    { from: window.from, to: mid },
    { from: mid, to: window.to },
  ];
}

/** Offsets of the pages after the first one, given eBay's `total` and the page size. */
export function remainingOffsets(
  total: number,
  limit: number,
  maxOffsetExclusive = Number.POSITIVE_INFINITY,
): number[] {
  const offsets: number[] = [];
  for (let offset = limit; offset < total && offset < maxOffsetExclusive; offset += limit)
    offsets.push(offset);
  return offsets;
}

/** A closed-open window as eBay's inclusive bounds (`[a..b]`, or `[a..]` when open-ended). */
export function inclusiveBounds(window: TimeWindow): { from: string; to: string | null } {
  return {
    from: window.from,
    to: window.to === null ? null : new Date(Date.parse(window.to) - 1).toISOString(),
  };
}

/**
 * Where an incremental run starts: the watermark minus an overlap, so a record written on eBay's side just
 * before the previous run's boundary (clock skew, late indexing) is read again rather than missed.
 */
export function incrementalStart(watermark: Date, overlapMs: number, earliest: Date): Date {
  const start = watermark.getTime() - overlapMs;
  return new Date(Math.max(start, earliest.getTime()));
}

/**
 * The next watermark after a successful run: never later than the run's start (anything modified while the run
 * was paging may have been missed) and never earlier than the previous watermark.
 */
export function nextWatermark(previous: Date | null, maxSeen: Date | null, runStartedAt: Date): Date | null {
  if (maxSeen === null) return previous;
  const candidate = new Date(Math.min(maxSeen.getTime(), runStartedAt.getTime()));
  if (previous && previous.getTime() > candidate.getTime()) return previous;
  return candidate;
}
