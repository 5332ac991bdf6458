import type { SellerDataset } from './seller-dataset';
import type { OrderLifecycle } from './order-lifecycle';
import type { LineMoney, OrderMoney } from './order-money';
import { buyerRecord, type BuyerRecord } from './buyers';
import { amountJsonWriter } from '../util/money';
import { lineItemIdOf, numericId } from '../util/ids';
import { DAY, HOUR, iso } from '../util/time';
import { hashInts } from '../util/prng';

// The order document is written as JSON text, not built as objects and serialized: getOrders sends pages of 200
// orders (~600 KB of JSON), and the object graph plus JSON.stringify cost about three times the CPU of the text,
// with more garbage. The text is compact, with keys in the order eBay gives them: exactly what JSON.stringify of
// the document would print. Free text (names, addresses, titles, skus, usernames) goes through JSON.stringify;
// ids, dates, amounts, enum values and numbers are made of digits and fixed vocabularies and are written as is.

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

/** What every part of one order's document is written from, with the texts several parts repeat. */
interface OrderParts {
  ds: SellerDataset;
  index: number;
  opts: OrderDocumentOptions;
  life: OrderLifecycle;
  money: OrderMoney;
  /** An amount in the seller's currency as JSON text. */
  amount: (cents: number) => string;
  /** JSON texts of the seller's marketplace and country. */
  marketplace: string;
  country: string;
  /** creationDate and the estimated delivery window (created + 3 to 7 days), as ISO texts. */
  created: string;
  minDelivery: string;
  maxDelivery: string;
  /** The order total as an amount's JSON text (pricing total, payment, fee basis, full refund). */
  total: string;
}

const str = (value: string): string => JSON.stringify(value);

function orderParts(ds: SellerDataset, index: number, opts: OrderDocumentOptions): OrderParts {
  const p = ds.profile;
  const life = ds.lifecycle(index);
  const money = ds.money(index);
  const amount = amountJsonWriter(p.currency);
  return {
    ds, index, opts, life, money, amount,
    marketplace: str(p.marketplaceId),
    country: str(p.countryCode),
    created: iso(life.created),
    minDelivery: iso(life.created + 3 * DAY),
    maxDelivery: iso(life.created + 7 * DAY),
    total: amount(money.totalCents),
  };
}

/** The Fulfillment API order JSON text of order `index` (fields in eBay's names and formats). */
export function orderJson(ds: SellerDataset, index: number, opts: OrderDocumentOptions): string {
  const o = orderParts(ds, index, opts);
  const { life, money } = o;
  const buyer = buyerRecord(ds.seed, ds.number, money.buyerIndex, ds.profile.countryCode);
  const contact = opts.now - life.created > 90 * DAY ? '' : contactJson(buyer);
  const orderId = ds.orderId(index);
  const tail = opts.taxBreakdown ? `,"ebayCollectAndRemitTax":${money.taxCents > 0}` : '';
  return `{"orderId":"${orderId}","creationDate":"${o.created}","lastModifiedDate":"${iso(life.lastModified)}",`
    + `"orderFulfillmentStatus":"${life.status}","orderPaymentStatus":"${paymentStatusOf(life)}","sellerId":${str(ds.profile.username)},`
    + `"buyer":${buyerJson(buyer, contact)},"pricingSummary":${pricingSummaryJson(o)},"cancelStatus":${cancelStatusJson(o)},`
    + `"paymentSummary":${paymentSummaryJson(o)},"fulfillmentStartInstructions":[${fulfillmentStartJson(o, buyer, contact)}],`
    + `"fulfillmentHrefs":[${fulfillmentHrefJson(o, orderId)}],"lineItems":[${lineItemsJson(o)}],`
    + `"salesRecordReference":"${index + 1}","totalFeeBasisAmount":${o.total},`
    + `"totalMarketplaceFee":${o.amount(money.feeCents)}${tail}}`;
}

function paymentStatusOf(life: OrderLifecycle): string {
  if (life.cancelledAt !== undefined) return 'FULLY_REFUNDED';
  return life.refundedAt !== undefined ? 'PARTIALLY_REFUNDED' : 'PAID';
}

/** Name, address, phone and email: the buyer's registration address and the ship-to of unmasked orders. */
function contactJson(b: BuyerRecord): string {
  const a = b.address;
  return `{"fullName":${str(b.fullName)},"contactAddress":{"addressLine1":${str(a.addressLine1)},"city":${str(a.city)},`
    + `"stateOrProvince":${str(a.stateOrProvince)},"postalCode":${str(a.postalCode)},"countryCode":${str(a.countryCode)}},`
    + `"primaryPhone":{"phoneNumber":${str(b.phone)}},"email":${str(b.email)}}`;
}

/** `contact` is empty when the buyer's PII is masked (orders older than 90 days). */
function buyerJson(b: BuyerRecord, contact: string): string {
  const a = b.address;
  if (contact === '') return `{"username":${str(b.username)},"taxAddress":{"countryCode":${str(a.countryCode)}}}`;
  return `{"username":${str(b.username)},"taxAddress":{"stateOrProvince":${str(a.stateOrProvince)},`
    + `"postalCode":${str(a.postalCode)},"countryCode":${str(a.countryCode)}},"buyerRegistrationAddress":${contact}}`;
}

function pricingSummaryJson(o: OrderParts): string {
  const m = o.money;
  const discount = m.discountCents > 0 ? `,"priceDiscount":${o.amount(-m.discountCents)}` : '';
  return `{"priceSubtotal":${o.amount(m.subtotalCents)},"deliveryCost":${o.amount(m.deliveryCents)},`
    + `"tax":${o.amount(m.taxCents)},"total":${o.total}${discount}}`;
}

function cancelStatusJson(o: OrderParts): string {
  const at = o.life.cancelledAt;
  if (at === undefined) return '{"cancelState":"NONE_REQUESTED","cancelRequests":[]}';
  const request = o.opts.withCancelRequests
    ? `{"cancelRequestId":"${numericId(6, o.ds.number, o.index, 9)}","cancelInitiator":"BUYER","cancelReason":"BUYER_ASKED_CANCEL",`
      + `"cancelRequestState":"COMPLETED","cancelRequestedDate":"${iso(at - HOUR)}","cancelCompletedDate":"${iso(at)}"}`
    : '';
  return `{"cancelState":"CANCELED","cancelledDate":"${iso(at)}","cancelRequests":[${request}]}`;
}

function paymentSummaryJson(o: OrderParts): string {
  const { ds, index, life, money } = o;
  const reference = hashInts(ds.seed, ds.number, index, 3).toString(16).toUpperCase().padStart(8, '0');
  const refunds: string[] = [];
  if (life.cancelledAt !== undefined) refunds.push(orderRefundJson(o, life.cancelledAt, o.total));
  if (life.refundedAt !== undefined) refunds.push(orderRefundJson(o, life.refundedAt, o.amount(money.partialRefundCents)));
  return `{"payments":[{"paymentMethod":"EBAY","paymentReferenceId":"${reference}","paymentDate":"${o.created}",`
    + `"amount":${o.total},"paymentStatus":"PAID"}],"refunds":[${refunds.join(',')}],`
    + `"totalDueSeller":${o.amount(money.dueSellerCents)}}`;
}

/**
 * A refund as listed on a line item (`amount` is an amount's JSON text); the order's paymentSummary adds its status
 * and reference (`extra`).
 */
function refundJson(o: OrderParts, at: number, amount: string, extra = ''): string {
  return `{"refundId":"${refundIdOf(o.ds, o.index)}","refundDate":"${iso(at)}","amount":${amount}${extra}}`;
}

function orderRefundJson(o: OrderParts, at: number, amount: string): string {
  const reference = `RF${hashInts(o.index, 7).toString(16).toUpperCase()}`;
  return refundJson(o, at, amount, `,"refundStatus":"REFUNDED","refundReferenceId":"${reference}"`);
}

function fulfillmentStartJson(o: OrderParts, buyer: BuyerRecord, contact: string): string {
  const shipTo = contact === '' ? `{"contactAddress":{"countryCode":${str(buyer.address.countryCode)}}}` : contact;
  const carrier = o.ds.profile.countryCode === 'US' ? 'USPS' : 'Royal Mail';
  return `{"fulfillmentInstructionsType":"SHIP_TO","minEstimatedDeliveryDate":"${o.minDelivery}",`
    + `"maxEstimatedDeliveryDate":"${o.maxDelivery}","ebaySupportedFulfillment":false,`
    + `"shippingStep":{"shipTo":${shipTo},"shippingCarrierCode":"${carrier}","shippingServiceCode":"Standard"}}`;
}

function fulfillmentHrefJson(o: OrderParts, orderId: string): string {
  if (o.life.shippedAt === undefined) return '';
  return `"/sell/fulfillment/v1/order/${orderId}/shipping_fulfillment/${numericId(7, o.ds.number, o.index, 9)}"`;
}

function lineItemsJson(o: OrderParts): string {
  let text = '';
  o.money.lines.forEach((line, l) => {
    text += `${l === 0 ? '' : ','}${lineItemJson(o, line, l)}`;
  });
  return text;
}

function lineStatusOf(life: OrderLifecycle, l: number): string {
  if (life.status !== 'IN_PROGRESS') return life.status;
  return l === 0 ? 'FULFILLED' : 'NOT_STARTED';
}

function lineItemJson(o: OrderParts, line: LineMoney, l: number): string {
  const { ds, index, life, marketplace } = o;
  const p = ds.profile;
  const refund = l === 0 && life.refundedAt !== undefined ? refundJson(o, life.refundedAt, o.amount(o.money.partialRefundCents)) : '';
  return `{"lineItemId":"${lineItemIdOf(p.number, index, l + 1)}","legacyItemId":"${line.listingId}","sku":${str(line.item.sku)},`
    + `"title":${str(line.item.title)},"lineItemCost":${o.amount(line.costCents)},"quantity":${line.quantity},`
    + `"soldFormat":"FIXED_PRICE","listingMarketplaceId":${marketplace},"purchaseMarketplaceId":${marketplace},`
    + `"lineItemFulfillmentStatus":"${lineStatusOf(life, l)}","total":${o.amount(line.totalCents)},`
    + `"deliveryCost":{"shippingCost":${o.amount(line.shippingCents)}},"appliedPromotions":[${promotionJson(o, line)}],`
    + `"taxes":[${line.taxCents > 0 ? `{"amount":${o.amount(line.taxCents)},"taxType":"STATE_SALES_TAX"}` : ''}],`
    + `"properties":{"buyerProtection":true},"lineItemFulfillmentInstructions":{"minEstimatedDeliveryDate":"${o.minDelivery}",`
    + `"maxEstimatedDeliveryDate":"${o.maxDelivery}","shipByDate":"${o.minDelivery}","guaranteedDelivery":false},`
    + `"itemLocation":{"location":"Warehouse","countryCode":${o.country},"postalCode":"${p.countryCode === 'US' ? '10001' : '10115'}"},`
    + `"refunds":[${refund}]${lineExtrasJson(o, line)}}`;
}

function promotionJson(o: OrderParts, line: LineMoney): string {
  if (line.discountCents <= 0) return '';
  return `{"promotionId":"${numericId(9, o.ds.number, o.index % 1000, 6)}","description":"10% off",`
    + `"discountAmount":${o.amount(line.discountCents)}}`;
}

/** The optional keys at the end of a line item: discounted cost, size, and the TAX_BREAKDOWN field group. */
function lineExtrasJson(o: OrderParts, line: LineMoney): string {
  let text = '';
  if (line.discountCents > 0) text += `,"discountedLineItemCost":${o.amount(line.costCents - line.discountCents)}`;
  if (line.item.size) text += `,"variationAspects":[{"name":"Size","value":${str(line.item.size)}}]`;
  if (o.opts.taxBreakdown && line.taxCents > 0) {
    text += `,"ebayCollectAndRemitTaxes":[{"taxType":"STATE_SALES_TAX","amount":${o.amount(line.taxCents)},"collectionMethod":"NET"}]`;
  }
  return text;
}
