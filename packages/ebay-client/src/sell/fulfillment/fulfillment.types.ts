import type { Amount, PagedCollection } from '../../core/rest.types';

export type OrderFulfillmentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
export type OrderPaymentStatus = 'FAILED' | 'FULLY_REFUNDED' | 'PAID' | 'PARTIALLY_REFUNDED' | 'PENDING';

export interface NameValuePair {
  name?: string;
  value?: string;
}

export interface OrderBuyer {
  username?: string;
  buyerRegistrationAddress?: Record<string, unknown>;
  taxAddress?: Record<string, unknown>;
  taxIdentifier?: Record<string, unknown>;
}

export interface OrderPricingSummary {
  priceSubtotal?: Amount;
  deliveryCost?: Amount;
  deliveryDiscount?: Amount;
  priceDiscount?: Amount;
  adjustment?: Amount;
  tax?: Amount;
  fee?: Amount;
  total?: Amount;
}

export interface OrderPayment {
  amount?: Amount;
  paymentDate?: string;
  paymentHolds?: Record<string, unknown>[];
  paymentMethod?: string;
  paymentReferenceId?: string;
  paymentStatus?: string;
}

export interface OrderRefund {
  amount?: Amount;
  refundDate?: string;
  refundId?: string;
  refundReferenceId?: string;
  refundStatus?: string;
}

export interface OrderPaymentSummary {
  payments?: OrderPayment[];
  refunds?: OrderRefund[];
  totalDueSeller?: Amount;
}

export interface CancelRequest {
  cancelCompletedDate?: string;
  cancelInitiator?: string;
  cancelReason?: string;
  cancelRequestedDate?: string;
  cancelRequestId?: string;
  cancelRequestState?: string;
}

export interface CancelStatus {
  cancelState?: string;
  cancelledDate?: string;
  /** Always empty in getOrders; filled by getOrder. */
  cancelRequests?: CancelRequest[];
}

export interface FulfillmentStartInstruction {
  fulfillmentInstructionsType?: string;
  ebaySupportedFulfillment?: boolean;
  minEstimatedDeliveryDate?: string;
  maxEstimatedDeliveryDate?: string;
  shippingStep?: {
    shippingCarrierCode?: string;
    shippingServiceCode?: string;
    shipTo?: Record<string, unknown>;
    shipToReferenceId?: string;
  };
  finalDestinationAddress?: Record<string, unknown>;
}

export interface LineItemDeliveryCost {
  shippingCost?: Amount;
  handlingCost?: Amount;
  importCharges?: Amount;
  discountAmount?: Amount;
  shippingIntermediationFee?: Amount;
}

export interface LineItem {
  lineItemId?: string;
  legacyItemId?: string;
  legacyVariationId?: string;
  sku?: string;
  title?: string;
  quantity?: number;
  lineItemCost?: Amount;
  discountedLineItemCost?: Amount;
  total?: Amount;
  deliveryCost?: LineItemDeliveryCost;
  appliedPromotions?: Array<{ description?: string; discountAmount?: Amount; promotionId?: string }>;
  taxes?: Array<{ amount?: Amount; taxType?: string }>;
  refunds?: Array<{ amount?: Amount; refundDate?: string; refundId?: string; refundReferenceId?: string }>;
  lineItemFulfillmentStatus?: OrderFulfillmentStatus | (string & {});
  soldFormat?: string;
  listingMarketplaceId?: string;
  purchaseMarketplaceId?: string;
  variationAspects?: NameValuePair[];
  itemLocation?: { countryCode?: string; location?: string; postalCode?: string };
  lineItemFulfillmentInstructions?: {
    guaranteedDelivery?: boolean;
    maxEstimatedDeliveryDate?: string;
    minEstimatedDeliveryDate?: string;
    shipByDate?: string;
  };
}

/** An order as eBay returns it (unknown fields are kept at run time). */
export interface Order {
  orderId: string;
  creationDate?: string;
  lastModifiedDate?: string;
  orderFulfillmentStatus?: OrderFulfillmentStatus | (string & {});
  orderPaymentStatus?: OrderPaymentStatus | (string & {});
  sellerId?: string;
  buyer?: OrderBuyer;
  buyerCheckoutNotes?: string;
  pricingSummary?: OrderPricingSummary;
  paymentSummary?: OrderPaymentSummary;
  cancelStatus?: CancelStatus;
  fulfillmentStartInstructions?: FulfillmentStartInstruction[];
  fulfillmentHrefs?: string[];
  lineItems?: LineItem[];
  salesRecordReference?: string;
  totalFeeBasisAmount?: Amount;
  totalMarketplaceFee?: Amount;
  ebayCollectAndRemitTax?: boolean;
}

export interface OrderSearchPage extends PagedCollection {
  orders: Order[];
  total: number;
}

export type PaymentDisputeStatus = 'OPEN' | 'ACTION_NEEDED' | 'CLOSED';

export interface SimpleAmount {
  value?: string;
  currency?: string;
}

export interface PaymentDisputeSummary {
  paymentDisputeId: string;
  paymentDisputeStatus?: PaymentDisputeStatus | (string & {});
  reason?: string;
  orderId?: string;
  buyerUsername?: string;
  amount?: SimpleAmount;
  openDate?: string;
  closedDate?: string;
  respondByDate?: string;
}

export interface PaymentDisputeSummaryPage extends PagedCollection {
  paymentDisputeSummaries: PaymentDisputeSummary[];
}

export interface PaymentDispute extends PaymentDisputeSummary {
  availableChoices?: string[];
  buyerProvided?: Record<string, unknown>;
  evidence?: Record<string, unknown>[];
  evidenceRequests?: Record<string, unknown>[];
  lineItems?: Array<{ itemId?: string; lineItemId?: string }>;
  monetaryTransactions?: Record<string, unknown>[];
  note?: string;
  resolution?: Record<string, unknown>;
  returnAddress?: Record<string, unknown>;
  revision?: number;
  sellerResponse?: string;
}
