import { hashInts, labelCode } from '../util/prng';

export interface SellerProfile {
  /** 1-based seller number, encoded in every id of the seller's records. */
  number: number;
  username: string;
  /** Immutable eBay user id (eIAS-token-like). */
  userId: string;
  marketplaceId: 'EBAY_US' | 'EBAY_GB' | 'EBAY_DE';
  currency: 'USD' | 'GBP' | 'EUR';
  countryCode: 'US' | 'GB' | 'DE';
  accountType: 'BUSINESS' | 'INDIVIDUAL';
  /** Sales tax rate in basis points (US: eBay collects and remits; GB/DE prices include VAT). */
  taxBasisPoints: number;
}

const MARKETS = [
  { marketplaceId: 'EBAY_US', currency: 'USD', countryCode: 'US', taxBasisPoints: 800, name: 'us' },
  { marketplaceId: 'EBAY_GB', currency: 'GBP', countryCode: 'GB', taxBasisPoints: 0, name: 'uk' },
  { marketplaceId: 'EBAY_DE', currency: 'EUR', countryCode: 'DE', taxBasisPoints: 0, name: 'de' },
] as const;

const SHOP_NAMES = ['vintage.vault', 'gadget-garage', 'brick_and_mortar', 'retro-finds', 'urban.attic', 'daily-deals'];

export function sellerProfile(seed: number, number: number): SellerProfile {
  const market = MARKETS[(number - 1) % MARKETS.length] ?? MARKETS[0];
  const shop = SHOP_NAMES[(number - 1) % SHOP_NAMES.length] ?? 'shop';
  const round = Math.floor((number - 1) / SHOP_NAMES.length);
  const username = `${shop}${round > 0 ? round : ''}_${market.name}`;
  const h1 = hashInts(seed, number, labelCode('user-id'));
  const h2 = hashInts(seed, number, labelCode('user-id-2'));
  const userId = Buffer.from(`nY+sHZ2PrBmdj6wVnY+s${h1.toString(16)}${h2.toString(16)}`).toString('base64').slice(0, 40);
  return {
    number,
    username,
    userId,
    marketplaceId: market.marketplaceId,
    currency: market.currency,
    countryCode: market.countryCode,
    accountType: number % 2 === 1 ? 'BUSINESS' : 'INDIVIDUAL',
    taxBasisPoints: market.taxBasisPoints,
  };
}
