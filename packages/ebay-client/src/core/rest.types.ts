import type { EbayErrorDetail } from './errors';

/** eBay money: `value` is a decimal string ("12.34"), never a number. */
export interface Amount {
  value?: string;
  currency?: string;
  convertedFromValue?: string;
  convertedFromCurrency?: string;
  convertedToValue?: string;
  convertedToCurrency?: string;
  exchangeRate?: string;
}

/** Paging envelope shared by eBay's offset-paged collections. `next`/`prev` only exist when those pages do. */
export interface PagedCollection {
  href?: string;
  limit?: number;
  offset?: number;
  next?: string;
  prev?: string;
  total?: number;
  warnings?: EbayErrorDetail[];
}

/**
 * Response objects are eBay's parsed JSON returned as-is: fields not declared in these types are kept at run time,
 * so a caller can store `JSON.stringify(item)` as the raw payload.
 */
export type RawJson = Record<string, unknown>;
