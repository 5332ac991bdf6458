import type { SellerDataset } from './seller-dataset';
import { buyerRecord } from './buyers';
import { amount } from '../util/money';
import { lineItemIdOf, numericId } from '../util/ids';
import { DAY, HOUR, iso } from '../util/time';
import { hashInts } from '../util/prng';

export interface OrderDocumentOptions {
  /** Virtual now: buyer PII is masked on orders older than 90 days. */
  now: number;
  taxBreakdown: boolean;
  /** getOrder fills cancelStatus.cancelRequests; getOrders always returns it empty. */
  withCancelRequests: boolean;
}

export function refundIdOf(ds: SellerDataset, index: number): string {
  return numericId(5, ds.number, index, 9);
}

/** The Fulfillment API order JSON of order `index` (fields in eBay's names and formats). */
export function orderDocument(ds: SellerDataset, index: number, opts: OrderDocumentOptions): Record<string, unknown> {
  const p = ds.profile;
  const cur = p.currency;
  const life = ds.lifecycle(index);
  const money = ds.money(index);
  const buyer = buyerRecord(ds.seed, p.number, money.buyerIndex, p.countryCode);
  const masked = opts.now - life.created > 90 * DAY;
  const orderId = ds.orderId(index);
  const refunds: Record<string, unknown>[] = [];
  if (life.cancelledAt !== undefined) {
    refunds.push({ refundId: refundIdOf(ds, index), refundDate: iso(life.cancelledAt), amount: amount(money.totalCents, cur), refundStatus: 'REFUNDED', refundReferenceId: `RF${hashInts(index, 7).toString(16).toUpperCase()}` });
  }
  if (life.refundedAt !== undefined) {
    refunds.push({ refundId: refundIdOf(ds, index), refundDate: iso(life.refundedAt), amount: amount(money.partialRefundCents, cur), refundStatus: 'REFUNDED', refundReferenceId: `RF${hashInts(index, 7).toString(16).toUpperCase()}` });
  }
  const paymentStatus = life.cancelledAt !== undefined ? 'FULLY_REFUNDED' : life.refundedAt !== undefined ? 'PARTIALLY_REFUNDED' : 'PAID';
  const shipTo = masked
    ? { contactAddress: { countryCode: buyer.address.countryCode } }
    : { fullName: buyer.fullName, contactAddress: buyer.address, primaryPhone: { phoneNumber: buyer.phone }, email: buyer.email };
  const lineItems = money.lines.map((line, l) => {
    let lineStatus = life.status;
    if (life.status === 'IN_PROGRESS') lineStatus = l === 0 ? 'FULFILLED' : 'NOT_STARTED';
    const doc: Record<string, unknown> = {
      lineItemId: lineItemIdOf(p.number, index, l + 1),
      legacyItemId: line.listingId,
      sku: line.item.sku,
      title: line.item.title,
      lineItemCost: amount(line.costCents, cur),
      quantity: line.quantity,
      soldFormat: 'FIXED_PRICE',
      listingMarketplaceId: p.marketplaceId,
      purchaseMarketplaceId: p.marketplaceId,
      lineItemFulfillmentStatus: lineStatus,
      total: amount(line.totalCents, cur),
      deliveryCost: { shippingCost: amount(line.shippingCents, cur) },
      appliedPromotions: line.discountCents > 0
        ? [{ promotionId: numericId(9, p.number, index % 1000, 6), description: '10% off', discountAmount: amount(line.discountCents, cur) }]
        : [],
      taxes: line.taxCents > 0 ? [{ amount: amount(line.taxCents, cur), taxType: 'STATE_SALES_TAX' }] : [],
      properties: { buyerProtection: true },
      lineItemFulfillmentInstructions: {
        minEstimatedDeliveryDate: iso(life.created + 3 * DAY),
        maxEstimatedDeliveryDate: iso(life.created + 7 * DAY),
        shipByDate: iso(life.created + 3 * DAY),
        guaranteedDelivery: false,
      },
      itemLocation: { location: 'Warehouse', countryCode: p.countryCode, postalCode: p.countryCode === 'US' ? '10001' : '10115' },
      refunds: l === 0 && life.refundedAt !== undefined ? [{ refundId: refundIdOf(ds, index), refundDate: iso(life.refundedAt), amount: amount(money.partialRefundCents, cur) }] : [],
    };
    if (line.discountCents > 0) doc['discountedLineItemCost'] = amount(line.costCents - line.discountCents, cur);
    if (line.item.size) doc['variationAspects'] = [{ name: 'Size', value: line.item.size }];
    if (opts.taxBreakdown && line.taxCents > 0) {
      doc['ebayCollectAndRemitTaxes'] = [{ taxType: 'STATE_SALES_TAX', amount: amount(line.taxCents, cur), collectionMethod: 'NET' }];
    }
    return doc;
  });
  const pricingSummary: Record<string, unknown> = {
    priceSubtotal: amount(money.subtotalCents, cur),
    deliveryCost: amount(money.deliveryCents, cur),
    tax: amount(money.taxCents, cur),
    total: amount(money.totalCents, cur),
  };
  if (money.discountCents > 0) pricingSummary['priceDiscount'] = amount(-money.discountCents, cur);
  const cancelRequests = opts.withCancelRequests && life.cancelledAt !== undefined
    ? [{
        cancelRequestId: numericId(6, p.number, index, 9),
        cancelInitiator: 'BUYER',
        cancelReason: 'BUYER_ASKED_CANCEL',
        cancelRequestState: 'COMPLETED',
        cancelRequestedDate: iso(life.cancelledAt - HOUR),
        cancelCompletedDate: iso(life.cancelledAt),
      }]
    : [];
  const order: Record<string, unknown> = {
    orderId,
    creationDate: iso(life.created),
    lastModifiedDate: iso(life.lastModified),
    orderFulfillmentStatus: life.status,
    orderPaymentStatus: paymentStatus,
    sellerId: p.username,
    buyer: masked
      ? { username: buyer.username, taxAddress: { countryCode: buyer.address.countryCode } }
      : {
          username: buyer.username,
          taxAddress: { stateOrProvince: buyer.address.stateOrProvince, postalCode: buyer.address.postalCode, countryCode: buyer.address.countryCode },
          buyerRegistrationAddress: { fullName: buyer.fullName, contactAddress: buyer.address, primaryPhone: { phoneNumber: buyer.phone }, email: buyer.email },
        },
    pricingSummary,
    cancelStatus: life.cancelledAt !== undefined
      ? { cancelState: 'CANCELED', cancelledDate: iso(life.cancelledAt), cancelRequests }
      : { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
    paymentSummary: {
      payments: [{
        paymentMethod: 'EBAY',
        paymentReferenceId: hashInts(ds.seed, p.number, index, 3).toString(16).toUpperCase().padStart(8, '0'),
        paymentDate: iso(life.created),
        amount: amount(money.totalCents, cur),
        paymentStatus: 'PAID',
      }],
      refunds,
      totalDueSeller: amount(money.dueSellerCents, cur),
    },
    fulfillmentStartInstructions: [{
      fulfillmentInstructionsType: 'SHIP_TO',
      minEstimatedDeliveryDate: iso(life.created + 3 * DAY),
      maxEstimatedDeliveryDate: iso(life.created + 7 * DAY),
      ebaySupportedFulfillment: false,
      shippingStep: { shipTo, shippingCarrierCode: p.countryCode === 'US' ? 'USPS' : 'Royal Mail', shippingServiceCode: 'Standard' },
    }],
    fulfillmentHrefs: life.shippedAt !== undefined ? [`/sell/fulfillment/v1/order/${orderId}/shipping_fulfillment/${numericId(7, p.number, index, 9)}`] : [],
    lineItems,
    salesRecordReference: String(index + 1),
    totalFeeBasisAmount: amount(money.totalCents, cur),
    totalMarketplaceFee: amount(money.feeCents, cur),
  };
  if (opts.taxBreakdown) order['ebayCollectAndRemitTax'] = money.taxCents > 0;
  return order;
}
