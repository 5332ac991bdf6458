import type { Amount, PagedCollection } from '../../core/rest.types';

export type TransactionType =
  | 'SALE'
  | 'REFUND'
  | 'CREDIT'
  | 'DISPUTE'
  | 'SHIPPING_LABEL'
  | 'TRANSFER'
  | 'NON_SALE_CHARGE'
  | 'ADJUSTMENT'
  | 'WITHDRAWAL'
  | 'LOAN_REPAYMENT'
  | 'PURCHASE';

export type PayoutStatus = 'INITIATED' | 'SUCCEEDED' | 'REVERSED' | 'RETRYABLE_FAILED' | 'TERMINAL_FAILED';

export interface FinancesFee {
  amount?: Amount;
  feeType?: string;
  feeMemo?: string;
  feeJurisdiction?: { regionName?: string; regionType?: string };
}

export interface TransactionOrderLineItem {
  lineItemId?: string;
  feeBasisAmount?: Amount;
  marketplaceFees?: FinancesFee[];
  donations?: FinancesFee[];
}

/** A finances transaction; unique by (transactionId, transactionType). */
export interface Transaction {
  transactionId: string;
  transactionType?: TransactionType | (string & {});
  transactionStatus?: string;
  transactionDate?: string;
  amount?: Amount;
  bookingEntry?: 'CREDIT' | 'DEBIT' | (string & {});
  orderId?: string;
  payoutId?: string;
  buyer?: { username?: string };
  orderLineItems?: TransactionOrderLineItem[];
  totalFeeAmount?: Amount;
  totalFeeBasisAmount?: Amount;
  references?: Array<{ referenceId?: string; referenceType?: string }>;
  transactionMemo?: string;
  salesRecordReference?: string;
  feeType?: string;
  eBayCollectedTaxAmount?: Amount;
  paymentsEntity?: string;
}

export interface TransactionPage extends PagedCollection {
  transactions: Transaction[];
  total: number;
}

export interface Payout {
  payoutId: string;
  payoutStatus?: PayoutStatus | (string & {});
  payoutStatusDescription?: string;
  payoutDate?: string;
  lastAttemptedPayoutDate?: string;
  amount?: Amount;
  totalAmount?: Amount;
  totalFee?: Amount;
  totalFeeDetails?: FinancesFee[];
  payoutInstrument?: { instrumentType?: string; nickname?: string; accountLastFourDigits?: string; payoutPercentage?: string };
  transactionCount?: number;
  payoutMemo?: string;
  payoutReference?: string;
  bankReference?: string;
}

export interface PayoutPage extends PagedCollection {
  payouts: Payout[];
  total: number;
}
