import { utcLabel } from '../../../lib/utc-time';

/** "2025-03-01 14:05 UTC". */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  return utcLabel(iso, 'minutes') ?? iso;
}

/** "in 1 h 52 min", "3 d 4 h ago", "in 45 s". */
export function formatRelative(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const diff = Date.parse(iso) - now;
  if (Number.isNaN(diff)) return '';
  let seconds = Math.round(Math.abs(diff) / 1000);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (days === 0 && minutes > 0) parts.push(`${minutes} min`);
  if (days === 0 && hours === 0 && minutes === 0) parts.push(`${seconds} s`);
  const text = parts.join(' ');
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/**
 * How long ago a past event happened ("5 min ago"), for times the server stamped. The page's clock only ticks
 * every so often and may run behind the server's: a time just stamped would read "in 4 s", so anything under ten
 * seconds old, or seemingly in the future, is "just now".
 */
export function formatAgo(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return now - at < 10_000 ? 'just now' : formatRelative(iso, now);
}
