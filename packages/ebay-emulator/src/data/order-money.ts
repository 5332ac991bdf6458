import { inventoryItem, offersOf, type InventoryRecord, type OfferRecord } from './inventory.generator';
import { labelCode, rngFor } from '../util/prng';
import { percentOf } from '../util/money';

const MONEY = labelCode('order-money');
/** Final value fee: 13.25 % of each line item total, plus 0.30 per order. */
export const FVF_BASIS_POINTS = 1325;
export const FIXED_ORDER_FEE_CENTS = 30;
const PROMO_BASIS_POINTS = 1000;

export interface LineMoney {
  item: InventoryRecord;
  listingId: string;
  quantity: number;
  unitCents: number;
  costCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  feeCents: number;
}

export interface OrderMoney {
  lines: LineMoney[];
  buyerIndex: number;
  subtotalCents: number;
  discountCents: number;
  deliveryCents: number;
  taxCents: number;
  totalCents: number;
  feeCents: number;
  dueSellerCents: number;
  netCents: number;
  partialRefundCents: number;
}

/** An inventory item with its first offer: what an order line is sold from. */
export interface ListedItem {
  item: InventoryRecord;
  offer: OfferRecord | undefined;
}

export function listedItem(seed: number, seller: number, itemIndex: number): ListedItem {
  const item = inventoryItem(seed, seller, itemIndex);
  return { item, offer: offersOf(seed, seller, item)[0] };
}

const LINE_WEIGHTS = [60, 20, 10, 6, 4];

function lineCountFromRoll(roll: number): number {
  let acc = 0;
  for (let k = 0; k < LINE_WEIGHTS.length; k += 1) {
    acc += LINE_WEIGHTS[k] ?? 0;
    if (roll < acc) return k + 1;
  }
  return 1;
}

type LineCents = 'costCents' | 'discountCents' | 'shippingCents' | 'taxCents' | 'totalCents' | 'feeCents';

// Module-level rather than a closure per order: tsx (esbuild keepNames) renames each named closure it creates.
function sumOf(lines: readonly LineMoney[], key: LineCents): number {
  let sum = 0;
  for (const line of lines) sum += line[key];
  return sum;
}

/** The number of line items of an order without generating the rest (same first draw as orderMoney). */
export function lineCountOf(seed: number, seller: number, index: number): number {
  return lineCountFromRoll(rngFor(seed, seller, MONEY, index).int(0, 99));
}

/**
 * Order arithmetic (all integer cents):
 *   line cost = unit price * quantity; line total = cost - promotion discount + shipping + tax
 *   priceSubtotal = sum(line cost); priceDiscount = -sum(discount); deliveryCost = sum(shipping); tax = sum(tax)
 *   total = priceSubtotal + priceDiscount + deliveryCost + tax = sum(line total)
 *   totalMarketplaceFee = sum(round(13.25 % of line total)) + 0.30
 *   totalDueSeller = total - tax (eBay collects and remits the tax); SALE net = totalDueSeller - totalMarketplaceFee
 * `itemAt` gives the listed item of an inventory index (a dataset passes its memo).
 */
export function orderMoney(
  seed: number,
  seller: number,
  index: number,
  inventoryCount: number,
  buyerPool: number,
  taxBasisPoints: number,
  itemAt: (itemIndex: number) => ListedItem = (j) => listedItem(seed, seller, j),
): OrderMoney {
  const rng = rngFor(seed, seller, MONEY, index);
  const lineCount = lineCountFromRoll(rng.int(0, 99));
  const buyerIndex = rng.int(0, buyerPool - 1);
  const lines: LineMoney[] = [];
  const used = new Set<number>();
  for (let l = 0; l < lineCount; l += 1) {
    let j = rng.int(0, inventoryCount - 1);
    let listed = itemAt(j);
    for (let tries = 0; (listed.item.offerCount === 0 || used.has(j)) && tries < inventoryCount; tries += 1) {
      j = (j + 1) % inventoryCount;
      listed = itemAt(j);
    }
    used.add(j);
    const { item, offer } = listed;
    const quantity = rng.chance(0.85) ? 1 : rng.int(2, 3);
    const unitCents = offer?.priceCents ?? item.priceCents;
    const costCents = unitCents * quantity;
    const discountCents = rng.chance(0.12) ? percentOf(costCents, PROMO_BASIS_POINTS) : 0;
    const shippingCents = rng.chance(0.45) ? 0 : rng.int(399, 1299);
    const taxCents = percentOf(costCents - discountCents + shippingCents, taxBasisPoints);
    const totalCents = costCents - discountCents + shippingCents + taxCents;
    lines.push({
      item,
      listingId: offer?.listingId ?? '',
      quantity,
      unitCents,
      costCents,
      discountCents,
      shippingCents,
      taxCents,
      totalCents,
      feeCents: percentOf(totalCents, FVF_BASIS_POINTS),
    });
  }
  const totalCents = sumOf(lines, 'totalCents');
  const taxCents = sumOf(lines, 'taxCents');
  const feeCents = sumOf(lines, 'feeCents') + FIXED_ORDER_FEE_CENTS;
  const first = lines[0];
  return {
    lines,
    buyerIndex,
    subtotalCents: sumOf(lines, 'costCents'),
    discountCents: sumOf(lines, 'discountCents'),
    deliveryCents: sumOf(lines, 'shippingCents'),
    taxCents,
    totalCents,
    feeCents,
    dueSellerCents: totalCents - taxCents,
    netCents: totalCents - taxCents - feeCents,
    // A partial refund gives back half of the first line item's discounted cost.
    partialRefundCents: first ? Math.max(1, Math.round((first.costCents - first.discountCents) / 2)) : 0,
  };
}
