import { describe, expect, it, vi } from 'vitest';
import type * as Buyers from '../src/data/buyers';
import { SellerDataset } from '../src/data/seller-dataset';
import { orderJson, type OrderDocumentOptions } from '../src/data/order-document';
import { DAY } from '../src/util/time';

// Free text that JSON has to escape or encode: quotes, backslashes, control characters, line and paragraph
// separators, non-ASCII letters, an astral character and a lone surrogate.
const ODD = 'Zoë "Q" O\'Brien \\ C:\\tmp\u0000\u0001\u001f\n\t\r\u2028\u2029 — 東京 \u{1F600} \uD800 </script>';

// `oddBuyers.on` makes every buyer record free text of its own (the catalog has only plain ASCII names).
const oddBuyers = vi.hoisted(() => ({ on: false }));
vi.mock('../src/data/buyers', async (importOriginal) => {
  const actual = await importOriginal<typeof Buyers>();
  return {
    ...actual,
    buyerRecord: (...args: Parameters<typeof actual.buyerRecord>): Buyers.BuyerRecord => {
      const real = actual.buyerRecord(...args);
      if (!oddBuyers.on) return real;
      const { countryCode } = real.address;
      return {
        username: `${ODD} user`,
        fullName: `${ODD} name`,
        email: `${ODD}@mail`,
        phone: `${ODD} phone`,
        address: { addressLine1: `${ODD} line`, city: `${ODD} city`, stateOrProvince: `${ODD} state`, postalCode: `${ODD} zip`, countryCode },
      };
    },
  };
});

interface Money { value: string; currency: string }
interface LineItem {
  lineItemFulfillmentStatus: string;
  sku: string;
  title: string;
  total: Money;
  refunds: unknown[];
  appliedPromotions: unknown[];
  discountedLineItemCost?: Money;
  variationAspects?: { name: string; value: string }[];
  ebayCollectAndRemitTaxes?: unknown[];
}
interface Contact { fullName?: string; contactAddress: Record<string, string>; primaryPhone?: { phoneNumber: string }; email?: string }
interface Order {
  orderId: string;
  orderPaymentStatus: string;
  sellerId: string;
  buyer: { username: string; taxAddress: Record<string, string>; buyerRegistrationAddress?: Contact };
  pricingSummary: { total: Money; priceDiscount?: Money };
  cancelStatus: { cancelState: string; cancelledDate?: string; cancelRequests: { cancelRequestState: string }[] };
  paymentSummary: { refunds: { amount: Money; refundStatus: string }[] };
  fulfillmentStartInstructions: { shippingStep: { shipTo: Contact } }[];
  fulfillmentHrefs: string[];
  lineItems: LineItem[];
  ebayCollectAndRemitTax?: boolean;
}

const AS_OF = Date.parse('2025-06-01T00:00:00.000Z');
const US = new SellerDataset({ seed: 42, number: 1, orders: 20_000, historyDays: 720, inventoryItems: 200, asOf: AS_OF });
const GB = new SellerDataset({ seed: 7, number: 2, orders: 5_000, historyDays: 365, inventoryItems: 50, asOf: AS_OF });
const PLAIN: OrderDocumentOptions = { now: AS_OF, taxBreakdown: false, withCancelRequests: false };
const TAXES: OrderDocumentOptions = { now: AS_OF, taxBreakdown: true, withCancelRequests: false };
/** Each `now` masks a different share of the buyers (orders older than 90 days). */
const VARIANTS: OrderDocumentOptions[] = [AS_OF, AS_OF - 300 * DAY].flatMap((now) =>
  [false, true].flatMap((taxBreakdown) => [false, true].map((withCancelRequests) => ({ now, taxBreakdown, withCancelRequests }))),
);

/** Every 7th order of the dataset (a few thousand, of every fate), with its text parsed. */
function sample(ds: SellerDataset, opts: OrderDocumentOptions): { index: number; text: string; order: Order }[] {
  const out: { index: number; text: string; order: Order }[] = [];
  for (let index = 0; index < ds.timeline.total; index += 7) {
    const text = orderJson(ds, index, opts);
    out.push({ index, text, order: JSON.parse(text) as Order });
  }
  return out;
}

/**
 * The keys of every object of an order document in the order eBay lists them (optional keys included). Amounts and
 * contacts (the buyer's registration address, an unmasked ship-to) share a shape; other objects go by their path.
 */
const KEY_ORDER: Record<string, string[]> = {
  '': [
    'orderId', 'creationDate', 'lastModifiedDate', 'orderFulfillmentStatus', 'orderPaymentStatus', 'sellerId', 'buyer', 'pricingSummary',
    'cancelStatus', 'paymentSummary', 'fulfillmentStartInstructions', 'fulfillmentHrefs', 'lineItems', 'salesRecordReference',
    'totalFeeBasisAmount', 'totalMarketplaceFee', 'ebayCollectAndRemitTax',
  ],
  amount: ['value', 'currency'],
  contact: ['fullName', 'contactAddress', 'primaryPhone', 'email'],
  'contact.contactAddress': ['addressLine1', 'city', 'stateOrProvince', 'postalCode', 'countryCode'],
  'contact.primaryPhone': ['phoneNumber'],
  buyer: ['username', 'taxAddress', 'buyerRegistrationAddress'],
  'buyer.taxAddress': ['stateOrProvince', 'postalCode', 'countryCode'],
  pricingSummary: ['priceSubtotal', 'deliveryCost', 'tax', 'total', 'priceDiscount'],
  cancelStatus: ['cancelState', 'cancelledDate', 'cancelRequests'],
  'cancelStatus.cancelRequests[]': [
    'cancelRequestId', 'cancelInitiator', 'cancelReason', 'cancelRequestState', 'cancelRequestedDate', 'cancelCompletedDate',
  ],
  paymentSummary: ['payments', 'refunds', 'totalDueSeller'],
  'paymentSummary.payments[]': ['paymentMethod', 'paymentReferenceId', 'paymentDate', 'amount', 'paymentStatus'],
  'paymentSummary.refunds[]': ['refundId', 'refundDate', 'amount', 'refundStatus', 'refundReferenceId'],
  'fulfillmentStartInstructions[]': [
    'fulfillmentInstructionsType', 'minEstimatedDeliveryDate', 'maxEstimatedDeliveryDate', 'ebaySupportedFulfillment', 'shippingStep',
  ],
  'fulfillmentStartInstructions[].shippingStep': ['shipTo', 'shippingCarrierCode', 'shippingServiceCode'],
  'lineItems[]': [
    'lineItemId', 'legacyItemId', 'sku', 'title', 'lineItemCost', 'quantity', 'soldFormat', 'listingMarketplaceId', 'purchaseMarketplaceId',
    'lineItemFulfillmentStatus', 'total', 'deliveryCost', 'appliedPromotions', 'taxes', 'properties', 'lineItemFulfillmentInstructions',
    'itemLocation', 'refunds', 'discountedLineItemCost', 'variationAspects', 'ebayCollectAndRemitTaxes',
  ],
  'lineItems[].deliveryCost': ['shippingCost'],
  'lineItems[].appliedPromotions[]': ['promotionId', 'description', 'discountAmount'],
  'lineItems[].taxes[]': ['amount', 'taxType'],
  'lineItems[].properties': ['buyerProtection'],
  'lineItems[].lineItemFulfillmentInstructions': [
    'minEstimatedDeliveryDate', 'maxEstimatedDeliveryDate', 'shipByDate', 'guaranteedDelivery',
  ],
  'lineItems[].itemLocation': ['location', 'countryCode', 'postalCode'],
  'lineItems[].refunds[]': ['refundId', 'refundDate', 'amount'],
  'lineItems[].variationAspects[]': ['name', 'value'],
  'lineItems[].ebayCollectAndRemitTaxes[]': ['taxType', 'amount', 'collectionMethod'],
};

function shapeOf(path: string, keys: string[]): string {
  if (keys.join() === 'value,currency') return 'amount';
  return path.replace(/^(buyer\.buyerRegistrationAddress|fulfillmentStartInstructions\[\]\.shippingStep\.shipTo)/, 'contact');
}

/** Checks that the keys of every object in `value` follow KEY_ORDER; records the keys seen per shape. */
function checkKeyOrder(value: unknown, path: string, seen: Map<string, Set<string>>, problems: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) checkKeyOrder(item, `${path}[]`, seen, problems);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  const shape = shapeOf(path, keys);
  const expected = KEY_ORDER[shape] ?? [];
  const positions = keys.map((key) => expected.indexOf(key));
  if (positions.some((at, k) => at < 0 || (k > 0 && at <= (positions[k - 1] ?? -1)))) problems.push(`${shape}: ${keys.join(',')}`);
  const shapeSeen = seen.get(shape) ?? new Set<string>();
  for (const key of keys) shapeSeen.add(key);
  seen.set(shape, shapeSeen);
  for (const [key, child] of Object.entries(value)) checkKeyOrder(child, path === '' ? key : `${path}.${key}`, seen, problems);
}

const cents = (m: Money | undefined): number => (m ? Math.round(Number(m.value) * 100) : 0);

describe('orderJson', () => {
  it('is compact, canonical JSON with keys in eBay order for every fate, masked or not, with and without the field groups', () => {
    const seen = { masked: 0, unmasked: 0, cancelled: 0, refunded: 0, discounted: 0, sized: 0, multiLine: 0, unshipped: 0 };
    const notCanonical: string[] = [];
    const keyOrderProblems: string[] = [];
    const keysSeen = new Map<string, Set<string>>();
    for (const ds of [US, GB]) {
      for (const opts of VARIANTS) {
        for (const { index, text, order } of sample(ds, opts)) {
          if (JSON.stringify(order) !== text) notCanonical.push(`${ds.number}/${index} ${JSON.stringify(opts)}`);
          checkKeyOrder(order, '', keysSeen, keyOrderProblems);
          if (order.buyer.buyerRegistrationAddress) seen.unmasked += 1;
          else seen.masked += 1;
          if (order.cancelStatus.cancelState === 'CANCELED') seen.cancelled += 1;
          if (order.orderPaymentStatus === 'PARTIALLY_REFUNDED') seen.refunded += 1;
          if (order.pricingSummary.priceDiscount) seen.discounted += 1;
          if (order.lineItems.some((l) => l.variationAspects)) seen.sized += 1;
          if (order.lineItems.length > 1) seen.multiLine += 1;
          if (order.fulfillmentHrefs.length === 0) seen.unshipped += 1;
        }
      }
    }
    expect(notCanonical).toEqual([]);
    expect([...new Set(keyOrderProblems)]).toEqual([]);
    // Every key, the optional ones included, showed up in the sample.
    expect(Object.fromEntries([...keysSeen].map(([shape, keys]) => [shape, [...keys].length]))).toEqual(
      Object.fromEntries(Object.entries(KEY_ORDER).map(([shape, keys]) => [shape, keys.length])),
    );
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
  });

  it('cancelled orders are CANCELED and fully refunded, with one cancel request only when asked for', () => {
    const cancelled = sample(US, PLAIN).filter((s) => US.lifecycle(s.index).cancelledAt !== undefined);
    expect(cancelled.length).toBeGreaterThan(10);
    for (const { index, order } of cancelled) {
      expect(order.cancelStatus.cancelState).toBe('CANCELED');
      expect(order.cancelStatus.cancelRequests).toEqual([]);
      expect(order.orderPaymentStatus).toBe('FULLY_REFUNDED');
      expect(order.paymentSummary.refunds).toHaveLength(1);
      expect(order.paymentSummary.refunds[0]?.amount).toEqual(order.pricingSummary.total);
      expect(order.fulfillmentHrefs).toEqual([]);
      const full = JSON.parse(orderJson(US, index, { ...PLAIN, withCancelRequests: true })) as Order;
      expect(full.cancelStatus.cancelRequests).toHaveLength(1);
      expect(full.cancelStatus.cancelRequests[0]?.cancelRequestState).toBe('COMPLETED');
    }
  });

  it('refunded orders carry the partial refund on the order and on their first line item', () => {
    const refunded = sample(US, PLAIN).filter((s) => US.lifecycle(s.index).refundedAt !== undefined);
    expect(refunded.length).toBeGreaterThan(10);
    for (const { index, order } of refunded) {
      expect(order.orderPaymentStatus).toBe('PARTIALLY_REFUNDED');
      expect(order.cancelStatus).toEqual({ cancelState: 'NONE_REQUESTED', cancelRequests: [] });
      expect(order.paymentSummary.refunds).toHaveLength(1);
      expect(cents(order.paymentSummary.refunds[0]?.amount)).toBe(US.money(index).partialRefundCents);
      expect(order.lineItems.map((l) => l.refunds.length)).toEqual(order.lineItems.map((_, l) => (l === 0 ? 1 : 0)));
    }
  });

  it('masks buyer PII on orders older than 90 days and shows it on newer ones', () => {
    for (const { index, order } of sample(US, PLAIN)) {
      const masked = AS_OF - US.timeline.created(index) > 90 * DAY;
      const shipTo = order.fulfillmentStartInstructions[0]?.shippingStep.shipTo;
      if (masked) {
        expect(order.buyer.buyerRegistrationAddress).toBeUndefined();
        expect(Object.keys(order.buyer.taxAddress)).toEqual(['countryCode']);
        expect(shipTo).toEqual({ contactAddress: { countryCode: 'US' } });
      } else {
        expect(order.buyer.buyerRegistrationAddress?.email).toMatch(/@members\.ebay\.example$/);
        expect(order.buyer.buyerRegistrationAddress?.fullName).toBeTruthy();
        expect(shipTo).toEqual(order.buyer.buyerRegistrationAddress);
      }
    }
  });

  it('discounts, sizes and TAX_BREAKDOWN appear exactly on the orders and lines they apply to', () => {
    for (const { index, order } of sample(US, TAXES)) {
      const money = US.money(index);
      expect(cents(order.pricingSummary.priceDiscount) + money.discountCents).toBe(0);
      expect(order.ebayCollectAndRemitTax).toBe(money.taxCents > 0);
      money.lines.forEach((line, l) => {
        const doc = order.lineItems[l];
        expect(doc?.appliedPromotions).toHaveLength(line.discountCents > 0 ? 1 : 0);
        expect(cents(doc?.discountedLineItemCost)).toBe(line.discountCents > 0 ? line.costCents - line.discountCents : 0);
        expect(doc?.variationAspects).toEqual(line.item.size ? [{ name: 'Size', value: line.item.size }] : undefined);
        expect(doc?.ebayCollectAndRemitTaxes?.length ?? 0).toBe(line.taxCents > 0 ? 1 : 0);
      });
    }
    const plain = JSON.parse(orderJson(US, 5, PLAIN)) as Order;
    expect('ebayCollectAndRemitTax' in plain).toBe(false);
    expect(plain.lineItems.some((l) => 'ebayCollectAndRemitTaxes' in l)).toBe(false);
  });

  it('free text with quotes, backslashes, control characters and non-ASCII survives in every field', () => {
    const odd = Object.create(US, {
      profile: { value: { ...US.profile, username: `${ODD} seller` } },
      money: {
        value: (index: number) => {
          const money = US.money(index);
          const item = { sku: `${ODD} sku`, title: `${ODD} title`, size: `${ODD} size` };
          const lines = money.lines.map((line) => ({ ...line, item: { ...line.item, ...item } }));
          return { ...money, lines };
        },
      },
    }) as SellerDataset;
    oddBuyers.on = true;
    try {
      const index = 19_999; // created within the last 90 days: the buyer's contact fields are shown
      const text = orderJson(odd, index, { ...TAXES, withCancelRequests: true });
      expect(JSON.stringify(JSON.parse(text))).toBe(text);
      const order = JSON.parse(text) as Order;
      expect(order.sellerId).toBe(`${ODD} seller`);
      expect(order.buyer.username).toBe(`${ODD} user`);
      expect(order.buyer.taxAddress).toEqual({ stateOrProvince: `${ODD} state`, postalCode: `${ODD} zip`, countryCode: 'US' });
      const contact = {
        fullName: `${ODD} name`,
        contactAddress: {
          addressLine1: `${ODD} line`, city: `${ODD} city`, stateOrProvince: `${ODD} state`, postalCode: `${ODD} zip`, countryCode: 'US',
        },
        primaryPhone: { phoneNumber: `${ODD} phone` },
        email: `${ODD}@mail`,
      };
      expect(order.buyer.buyerRegistrationAddress).toEqual(contact);
      expect(order.fulfillmentStartInstructions[0]?.shippingStep.shipTo).toEqual(contact);
      for (const line of order.lineItems) {
        expect([line.sku, line.title, line.variationAspects?.[0]?.value]).toEqual([`${ODD} sku`, `${ODD} title`, `${ODD} size`]);
      }
    } finally {
      oddBuyers.on = false;
    }
  });
});
