/** Money as the user's locale writes it, e.g. "$12.50" or "12,50 €"; a bad currency code falls back to "12.50 XYZ". */
export function formatMoney(
  value: string | number | null | undefined,
  currency: string | null | undefined,
  locale?: string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return String(value);
  if (!currency) return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** `FULLY_REFUNDED` -> `Fully refunded`, `AskSellerQuestion` -> `Ask seller question`. */
export function humanize(code: string | null | undefined): string {
  if (!code) return '—';
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Pretty JSON for the raw eBay payload. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * A message body as plain text: eBay sends HTML fragments; tags go (block ends become line breaks) and common
 * entities are decoded. The result is rendered as text, never as HTML.
 */
export function messageText(body: string | null | undefined): string {
  if (!body) return '';
  return body
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, name: string) => entities[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
