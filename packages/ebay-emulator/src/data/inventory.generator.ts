import { BRANDS, COLORS, CONDITIONS, PRODUCT_LINES, SIZES } from './catalog';
import { hashInts, labelCode, rngFor } from '../util/prng';
import { numericId } from '../util/ids';

const ITEM = labelCode('inventory-item');
const OFFERS = labelCode('inventory-offers');

export interface InventoryRecord {
  index: number;
  sku: string;
  title: string;
  brand: string;
  color: string;
  size: string | undefined;
  condition: string;
  categoryId: string;
  priceCents: number;
  quantity: number;
  offerCount: 0 | 1 | 2;
}

export interface OfferRecord {
  offerId: string;
  listingId: string;
  format: 'FIXED_PRICE' | 'AUCTION';
  status: 'PUBLISHED' | 'UNPUBLISHED';
  priceCents: number;
  availableQuantity: number;
  soldQuantity: number;
}

export function inventoryItem(seed: number, seller: number, index: number): InventoryRecord {
  const rng = rngFor(seed, seller, ITEM, index);
  const line = rng.pick(PRODUCT_LINES);
  const brand = rng.pick(BRANDS);
  const color = rng.pick(COLORS);
  const sized = line.code === 'TSH' || line.code === 'SNK';
  const size = sized ? rng.pick(SIZES) : undefined;
  const cents = line.minCents + rng.int(0, Math.floor((line.maxCents - line.minCents) / 100)) * 100;
  const priceCents = Math.max(99, cents - (cents % 100) + 99 - 100);
  const roll = hashInts(seed, seller, OFFERS, index) % 100;
  const offerCount: 0 | 1 | 2 = roll < 12 ? 0 : roll < 85 ? 1 : 2;
  return {
    index,
    sku: `${line.code}-${color.slice(0, 3).toUpperCase()}${size ? `-${size}` : ''}-${(index + 1).toString().padStart(6, '0')}`,
    title: `${brand} ${line.noun} ${color}${size ? ` Size ${size}` : ''}`,
    brand,
    color,
    size,
    condition: rng.pick(CONDITIONS),
    categoryId: line.categoryId,
    priceCents,
    quantity: rng.int(0, 40),
    offerCount,
  };
}

export function skuIndex(sku: string): number | undefined {
  const m = /-(\d{6,})$/.exec(sku);
  return m?.[1] ? Number(m[1]) - 1 : undefined;
}

export function listingIdOf(seller: number, itemIndex: number, offer: number): string {
  return `1${seller.toString().padStart(2, '0')}${(itemIndex * 2 + offer).toString().padStart(9, '0')}`;
}

export function offersOf(seed: number, seller: number, item: InventoryRecord): OfferRecord[] {
  const offers: OfferRecord[] = [];
  for (let k = 0; k < item.offerCount; k += 1) {
    const rng = rngFor(seed, seller, OFFERS, item.index, k);
    const auction = k === 1;
    const status = k === 0 || rng.chance(0.6) ? 'PUBLISHED' : 'UNPUBLISHED';
    offers.push({
      offerId: numericId(8, seller, item.index * 2 + k, 9),
      listingId: listingIdOf(seller, item.index, k),
      format: auction ? 'AUCTION' : 'FIXED_PRICE',
      status,
      priceCents: auction ? Math.round(item.priceCents * 0.7) : item.priceCents,
      availableQuantity: auction ? 1 : item.quantity,
      soldQuantity: rng.int(0, 60),
    });
  }
  return offers;
}
