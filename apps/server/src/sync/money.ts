import type { Money } from './ebay-port';

/** eBay amounts are decimal strings; keep them exact for numeric columns. */
export function amount(m: Money | undefined): string | null {
  if (!m?.value) return null;
  return /^-?\d+(\.\d+)?$/.test(m.value) ? m.value : null;
}

export function currency(m: Money | undefined): string | null {
  return m?.currency ?? null;
}

export function isoOrNull(value: string | undefined | null): string | null {
  if (!value) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}
