// Detail responses of the data API, as the contract describes them: the record has the fields of its list's items
// plus eBay's payload (`raw`); linked records are items of their own list.
export type {
  DisputeDetailResponse,
  FeeLine,
  InventoryDetailResponse,
  MessageThread as MessageThreadItem,
  MessageThreadDetailResponse,
  MessageThreadsResponse as MessageThreadsPage,
  OfferListItem,
  OrderDetailResponse,
  OrderLineItem,
  PayoutDetailResponse,
  PurchaseDetailResponse,
  TransactionDetailResponse,
} from '@ebay-connector/contract';

/** eBay's payload as stored. */
export type EbayPayload = unknown;
