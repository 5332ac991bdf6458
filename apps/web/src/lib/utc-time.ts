export type UtcPrecision = 'minutes' | 'seconds' | 'milliseconds';

/**
 * An instant as UTC text, `2025-01-31 14:05:09` (to the second, the minute or the millisecond): the form of every
 * time the UI shows, so that a run, its calls and the orders it stored read alike. Lists and tables show minutes,
 * runs, calls and details seconds. Null when the value is missing or is not a date (callers pick what to show).
 */
export function utcText(iso: string | null | undefined, precision: UtcPrecision = 'seconds'): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const length = precision === 'minutes' ? 16 : precision === 'seconds' ? 19 : 23;
  return date.toISOString().slice(0, length).replace('T', ' ');
}

/**
 * `utcText` with the zone named, `2025-01-31 14:05 UTC`: for prose and tooltips, where no column header or label
 * says the time is UTC.
 */
export function utcLabel(iso: string | null | undefined, precision: UtcPrecision = 'seconds'): string | null {
  const text = utcText(iso, precision);
  return text === null ? null : `${text} UTC`;
}
