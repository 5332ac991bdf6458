// Hand-written JSON schemas of the fields the connector reads, used by the contract tests.

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' } as const;
export const amountSchema = {
  type: 'object',
  required: ['value', 'currency'],
  properties: { value: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
} as const;
const page = (itemsKey: string, item: object, extra: string[] = ['offset']) => ({
  type: 'object',
  required: ['href', 'limit', 'total', itemsKey, ...extra],
  properties: { href: str, limit: int, offset: int, total: int, next: str, prev: str, [itemsKey]: { type: 'array', items: item } },
});

export const errorEnvelopeSchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['errorId', 'domain', 'category', 'message'],
        properties: {
          errorId: int, domain: str, category: { enum: ['REQUEST', 'APPLICATION', 'BUSINESS'] }, message: str, longMessage: str,
          parameters: { type: 'array', items: { type: 'object', required: ['name', 'value'], properties: { name: str, value: str } } },
        },
      },
    },
  },
} as const;

export const userTokenSchema = {
  type: 'object',
  required: ['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'token_type'],
  additionalProperties: false,
  properties: { access_token: str, expires_in: int, refresh_token: str, refresh_token_expires_in: { const: 47304000 }, token_type: { const: 'User Access Token' } },
} as const;

export const refreshedTokenSchema = {
  type: 'object',
  required: ['access_token', 'expires_in', 'token_type'],
  additionalProperties: false,
  properties: { access_token: str, expires_in: int, token_type: { const: 'User Access Token' } },
} as const;

export const appTokenSchema = {
  type: 'object',
  required: ['access_token', 'expires_in', 'token_type'],
  additionalProperties: false,
  properties: { access_token: str, expires_in: int, token_type: { const: 'Application Access Token' } },
} as const;

export const userSchema = {
  type: 'object',
  required: ['userId', 'username', 'accountType', 'registrationMarketplaceId', 'status'],
  properties: { userId: str, username: str, accountType: { enum: ['BUSINESS', 'INDIVIDUAL'] }, registrationMarketplaceId: str, status: { enum: ['CONFIRMED', 'UNCONFIRMED', 'ACCOUNTONHOLD', 'UNDETERMINED'] } },
} as const;

const lineItemSchema = {
  type: 'object',
  required: ['lineItemId', 'legacyItemId', 'sku', 'title', 'quantity', 'lineItemCost', 'total', 'lineItemFulfillmentStatus', 'listingMarketplaceId'],
  properties: {
    lineItemId: { type: 'string', pattern: '^\\d+$' }, legacyItemId: { type: 'string', pattern: '^\\d+$' }, sku: str, title: str, quantity: int,
    lineItemCost: amountSchema, discountedLineItemCost: amountSchema, total: amountSchema,
    deliveryCost: { type: 'object', properties: { shippingCost: amountSchema } },
    lineItemFulfillmentStatus: { enum: ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] },
    taxes: { type: 'array', items: { type: 'object', required: ['amount', 'taxType'], properties: { amount: amountSchema, taxType: str } } },
    refunds: { type: 'array' }, appliedPromotions: { type: 'array' },
  },
} as const;

export const orderSchema = {
  type: 'object',
  required: ['orderId', 'creationDate', 'lastModifiedDate', 'orderFulfillmentStatus', 'orderPaymentStatus', 'sellerId', 'buyer', 'pricingSummary', 'paymentSummary', 'cancelStatus', 'lineItems', 'totalMarketplaceFee'],
  not: { required: ['legacyOrderId'] },
  properties: {
    orderId: { type: 'string', pattern: '^\\d{2}-\\d{5}-\\d{5}$' },
    creationDate: isoDate,
    lastModifiedDate: isoDate,
    orderFulfillmentStatus: { enum: ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] },
    orderPaymentStatus: { enum: ['FAILED', 'FULLY_REFUNDED', 'PAID', 'PARTIALLY_REFUNDED', 'PENDING'] },
    sellerId: str,
    buyer: { type: 'object', required: ['username'], properties: { username: str } },
    pricingSummary: {
      type: 'object',
      required: ['priceSubtotal', 'total'],
      properties: { priceSubtotal: amountSchema, deliveryCost: amountSchema, priceDiscount: amountSchema, tax: amountSchema, total: amountSchema },
    },
    paymentSummary: {
      type: 'object',
      required: ['payments', 'refunds', 'totalDueSeller'],
      properties: {
        payments: { type: 'array', items: { type: 'object', required: ['paymentMethod', 'amount', 'paymentStatus'], properties: { amount: amountSchema, paymentDate: isoDate } } },
        refunds: { type: 'array', items: { type: 'object', required: ['refundId', 'amount', 'refundDate'], properties: { amount: amountSchema, refundDate: isoDate } } },
        totalDueSeller: amountSchema,
      },
    },
    cancelStatus: { type: 'object', required: ['cancelState', 'cancelRequests'], properties: { cancelState: str, cancelledDate: isoDate, cancelRequests: { type: 'array' } } },
    lineItems: { type: 'array', minItems: 1, maxItems: 5, items: lineItemSchema },
    totalMarketplaceFee: amountSchema,
    totalFeeBasisAmount: amountSchema,
    fulfillmentStartInstructions: { type: 'array' },
  },
} as const;

export const ordersPageSchema = page('orders', orderSchema);

export const transactionSchema = {
  type: 'object',
  required: ['transactionId', 'transactionType', 'transactionStatus', 'transactionDate', 'amount', 'bookingEntry', 'orderId'],
  properties: {
    transactionId: str, transactionType: { enum: ['SALE', 'REFUND', 'DISPUTE'] }, transactionStatus: str, transactionDate: isoDate, amount: amountSchema,
    bookingEntry: { enum: ['CREDIT', 'DEBIT'] }, orderId: str, payoutId: str, buyer: { type: 'object', properties: { username: str } },
    totalFeeAmount: amountSchema, totalFeeBasisAmount: amountSchema,
    orderLineItems: { type: 'array', items: { type: 'object', required: ['lineItemId', 'feeBasisAmount', 'marketplaceFees'], properties: { feeBasisAmount: amountSchema } } },
    references: { type: 'array', items: { type: 'object', required: ['referenceId', 'referenceType'] } },
  },
} as const;
export const transactionsPageSchema = page('transactions', transactionSchema);

export const payoutSchema = {
  type: 'object',
  required: ['payoutId', 'payoutStatus', 'payoutDate', 'amount', 'payoutInstrument', 'transactionCount'],
  properties: {
    payoutId: str, payoutStatus: { enum: ['INITIATED', 'SUCCEEDED', 'REVERSED', 'RETRYABLE_FAILED', 'TERMINAL_FAILED'] }, payoutDate: isoDate, amount: amountSchema, totalAmount: amountSchema,
    transactionCount: { type: 'integer', minimum: 1 },
    payoutInstrument: { type: 'object', required: ['instrumentType', 'accountLastFourDigits'] },
  },
} as const;
export const payoutsPageSchema = page('payouts', payoutSchema);

export const disputeSummarySchema = {
  type: 'object',
  required: ['paymentDisputeId', 'paymentDisputeStatus', 'reason', 'orderId', 'buyerUsername', 'amount', 'openDate'],
  properties: { paymentDisputeId: str, paymentDisputeStatus: { enum: ['OPEN', 'ACTION_NEEDED', 'CLOSED'] }, reason: str, orderId: str, buyerUsername: str, amount: amountSchema, openDate: isoDate, closedDate: isoDate, respondByDate: isoDate },
} as const;
export const disputesPageSchema = page('paymentDisputeSummaries', disputeSummarySchema);
export const disputeDetailSchema = { ...disputeSummarySchema, required: [...disputeSummarySchema.required, 'lineItems', 'revision'] } as const;

export const inventoryPageSchema = page('inventoryItems', {
  type: 'object',
  required: ['sku', 'product', 'availability', 'condition', 'locale'],
  properties: { sku: str, product: { type: 'object', required: ['title'] }, availability: { type: 'object', required: ['shipToLocationAvailability'] } },
}, ['size']);

export const offersPageSchema = page('offers', {
  type: 'object',
  required: ['offerId', 'sku', 'marketplaceId', 'format', 'status', 'pricingSummary'],
  properties: { format: { enum: ['FIXED_PRICE', 'AUCTION'] }, status: { enum: ['PUBLISHED', 'UNPUBLISHED'] }, pricingSummary: { type: 'object', required: ['price'], properties: { price: amountSchema } } },
}, ['size']);

const messageSchema = {
  type: 'object',
  required: ['messageId', 'messageBody', 'senderUsername', 'recipientUsername', 'createdDate', 'readStatus'],
  properties: { createdDate: isoDate, readStatus: { type: 'boolean' } },
} as const;
export const conversationsPageSchema = page('conversations', {
  type: 'object',
  required: ['conversationId', 'conversationStatus', 'conversationTitle', 'conversationType', 'createdDate', 'unreadCount', 'latestMessage'],
  properties: { conversationType: { enum: ['FROM_MEMBERS', 'FROM_EBAY'] }, latestMessage: messageSchema },
});
export const conversationSchema = page('messages', messageSchema);

export const rateLimitsSchema = {
  type: 'object',
  required: ['rateLimits'],
  properties: {
    rateLimits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['apiContext', 'apiName', 'apiVersion', 'resources'],
        properties: {
          resources: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'rates'],
              properties: { rates: { type: 'array', items: { type: 'object', required: ['count', 'limit', 'remaining', 'reset', 'timeWindow'], properties: { reset: isoDate } } } },
            },
          },
        },
      },
    },
  },
} as const;

export const publicKeySchema = {
  type: 'object',
  required: ['algorithm', 'digest', 'key'],
  additionalProperties: false,
  properties: { algorithm: { const: 'ECDSA' }, digest: { const: 'SHA1' }, key: { type: 'string', pattern: '^-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=]+-----END PUBLIC KEY-----$' } },
} as const;
