/**
 * An instant as UTC text, `2025-01-31 14:05:09` (to the second, the minute or the millisecond): the form of every
 * time the operator pages show in UTC. Null when the value is missing or is not a date (callers pick what to show).
 */
export function utcText(
  iso: string | null | undefined,
  precision: 'minutes' | 'seconds' | 'milliseconds' = 'seconds',
): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const length = precision === 'minutes' ? 16 : precision === 'seconds' ? 19 : 23;
  return date.toISOString().slice(0, length).replace('T', ' ');
}
