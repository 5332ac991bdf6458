import { utcText } from '../../../lib/utc-time';

/** "2025-03-01 14:05 UTC". */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  const text = utcText(iso, 'minutes');
  return text === null ? iso : `${text} UTC`;
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
