import type { SellerDataset } from './seller-dataset';
import { BRANDS, PRODUCT_LINES } from './catalog';
import { labelCode, rngFor } from '../util/prng';
import { numericId } from '../util/ids';
import { HOUR } from '../util/time';

const PURCHASE = labelCode('purchase');
/** The seller also buys: one won item every 36 hours before the dataset's start, up to 400 of them. */
export const PURCHASE_STEP = 36 * HOUR;
export const PURCHASE_COUNT = 400;

export interface PurchaseRecord {
  index: number;
  date: number;
  itemId: string;
  transactionId: string;
  title: string;
  sellerUsername: string;
  priceCents: number;
  quantity: number;
}

export function purchaseRecord(ds: SellerDataset, k: number): PurchaseRecord {
  const rng = rngFor(ds.seed, ds.number, PURCHASE, k);
  const line = rng.pick(PRODUCT_LINES);
  const price = line.minCents + rng.int(0, Math.floor((line.maxCents - line.minCents) / 100)) * 100 - 1;
  return {
    index: k,
    date: ds.asOf - (k + 0.5) * PURCHASE_STEP,
    itemId: `2${ds.number.toString().padStart(2, '0')}${(k + 1).toString().padStart(9, '0')}`,
    transactionId: numericId(2, ds.number, k, 10),
    title: `${rng.pick(BRANDS)} ${line.noun}`,
    sellerUsername: `${rng.pick(['gadget', 'retro', 'bargain', 'prime'])}_store_${rng.int(10, 99)}`,
    priceCents: price,
    quantity: 1,
  };
}

/** Purchases (newest first) made within [from, to]. */
export function purchasesBetween(ds: SellerDataset, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < PURCHASE_COUNT; k += 1) {
    const date = ds.asOf - (k + 0.5) * PURCHASE_STEP;
    if (date < from) break;
    if (date <= to) out.push(k);
  }
  return out;
}
