import type { EbayErrorDetail } from '../core/errors';

/**
 * Trading values are kept as the strings the XML carries (ids must not become numbers; booleans are "true" /
 * "false"). Elements with attributes become `{ '#text': value, '@_attr': ... }`.
 */
export interface TradingAmount {
  '#text'?: string;
  '@_currencyID'?: string;
}

export interface TradingMessage {
  MessageID: string;
  ExternalMessageID?: string;
  Sender?: string;
  SendingUserID?: string;
  RecipientUserID?: string;
  SendToName?: string;
  Subject?: string;
  /** Body (ReturnMessages only), HTML. */
  Text?: string;
  Content?: string;
  Read?: string;
  Replied?: string;
  Flagged?: string;
  HighPriority?: string;
  ReceiveDate?: string;
  ExpirationDate?: string;
  ItemID?: string;
  ItemTitle?: string;
  ItemEndTime?: string;
  ListingStatus?: string;
  MessageType?: string;
  QuestionType?: string;
  Folder?: { FolderID?: string; FolderName?: string };
  ResponseDetails?: { ResponseEnabled?: string; ResponseURL?: string };
  MessageMedia?: Array<{ MediaName?: string; MediaURL?: string }>;
}

interface TradingPageBase {
  readonly ack: string;
  readonly timestamp: string | undefined;
  readonly correlationId: string | undefined;
  /** Warnings (Ack Warning / PartialFailure). */
  readonly warnings: EbayErrorDetail[];
  readonly pageNumber: number;
  readonly entriesPerPage: number;
  readonly hasMore: boolean;
  /** The normalised response element, unknown fields included. */
  readonly body: Record<string, unknown>;
}

export interface MyMessagesPage extends TradingPageBase {
  readonly messages: TradingMessage[];
  readonly summary: Record<string, unknown> | undefined;
}

export interface TradingTransaction {
  TransactionID?: string;
  OrderLineItemID?: string;
  QuantityPurchased?: string;
  CreatedDate?: string;
  TotalPrice?: TradingAmount;
  TotalTransactionPrice?: TradingAmount;
  Item?: {
    ItemID?: string;
    Title?: string;
    Seller?: { UserID?: string; [key: string]: unknown };
    SellingStatus?: { CurrentPrice?: TradingAmount; [key: string]: unknown };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A WonList entry: a single transaction or a multi-line order. */
export interface TradingOrderTransaction {
  Transaction?: TradingTransaction;
  Order?: {
    OrderID?: string;
    Subtotal?: TradingAmount;
    TransactionArray?: { Transaction?: TradingTransaction[] };
    [key: string]: unknown;
  };
}

export interface WonListPage extends TradingPageBase {
  readonly orderTransactions: TradingOrderTransaction[];
  readonly totalPages: number | undefined;
  readonly totalEntries: number | undefined;
}
