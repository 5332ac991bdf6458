import { CompiledQuery, type Transaction } from 'kysely';
import { bulkUpsert, type UpsertSpec } from './bulk-upsert';
import type { EbayPayout, EbayTransaction } from './ebay-port';
import { amount, currency } from './money';
import type { SyncDatabase } from './sync-db';
import type { WriteResult } from './syncer';

const transactionSpec: UpsertSpec = {
  table: 'ebay_finance_transactions',
  keys: ['transaction_id', 'transaction_type'],
  columns: [
    ['transaction_id', 'text'],
    ['transaction_type', 'text'],
    ['transaction_status', 'text'],
    ['transaction_date', 'timestamptz'],
    ['amount_value', 'numeric'],
    ['amount_currency', 'text'],
    ['booking_entry', 'text'],
    ['order_id', 'text'],
    ['payout_id', 'text'],
    ['buyer_username', 'text'],
    ['total_fee_value', 'numeric'],
    ['raw', 'jsonb'],
  ],
};

const payoutSpec: UpsertSpec = {
  table: 'ebay_payouts',
  keys: ['payout_id'],
  columns: [
    ['payout_id', 'text'],
    ['payout_status', 'text'],
    ['payout_date', 'timestamptz'],
    ['amount_value', 'numeric'],
    ['amount_currency', 'text'],
    ['transaction_count', 'integer'],
    ['raw', 'jsonb'],
  ],
};

const insertFees = `
  insert into ebay_finance_fees (account_id, transaction_id, transaction_type, seq, line_item_id, fee_type, amount_value, amount_currency)
  select $1::uuid, transaction_id, transaction_type, seq, line_item_id, fee_type, amount_value, amount_currency
  from jsonb_to_recordset($2::jsonb) as x(transaction_id text, transaction_type text, seq integer, line_item_id text,
    fee_type text, amount_value numeric, amount_currency text)`;

/** Upserts a page of finance transactions; the fee lines of new or changed ones are replaced. */
export async function upsertTransactions(
  trx: Transaction<SyncDatabase>,
  accountId: string,
  items: readonly EbayTransaction[],
): Promise<WriteResult> {
  const outcome = await bulkUpsert(
    trx,
    transactionSpec,
    accountId,
    items.map((t) => ({
      transaction_id: t.transactionId,
      transaction_type: t.transactionType,
      transaction_status: t.transactionStatus ?? null,
      transaction_date: t.transactionDate,
      amount_value: amount(t.amount),
      amount_currency: currency(t.amount),
      booking_entry: t.bookingEntry ?? null,
      order_id: t.orderId ?? null,
      payout_id: t.payoutId ?? null,
      buyer_username: t.buyer?.username ?? null,
      total_fee_value: amount(t.totalFeeAmount),
      raw: t,
    })),
  );
  if (outcome.touched.length === 0) return outcome;
  const touched = new Set(outcome.touched.map((k) => k.join('\u0000')));
  if (outcome.updated > 0) {
    await trx.executeQuery(
      CompiledQuery.raw(
        `delete from ebay_finance_fees where account_id = $1::uuid
         and (transaction_id, transaction_type) in (select * from unnest($2::text[], $3::text[]))`,
        [accountId, outcome.touched.map((k) => k[0]), outcome.touched.map((k) => k[1])],
      ),
    );
  }
  const fees = items
    .filter((t) => touched.has(`${t.transactionId}\u0000${t.transactionType}`))
    .flatMap((t) => {
      let seq = 0;
      return (t.orderLineItems ?? []).flatMap((li) =>
        (li.marketplaceFees ?? []).map((f) => ({
          transaction_id: t.transactionId,
          transaction_type: t.transactionType,
          seq: seq++,
          line_item_id: li.lineItemId ?? null,
          fee_type: f.feeType ?? null,
          amount_value: amount(f.amount),
          amount_currency: currency(f.amount),
        })),
      );
    });
  if (fees.length > 0)
    await trx.executeQuery(CompiledQuery.raw(insertFees, [accountId, JSON.stringify(fees)]));
  return { inserted: outcome.inserted, updated: outcome.updated };
}

export async function upsertPayouts(
  trx: Transaction<SyncDatabase>,
  accountId: string,
  items: readonly EbayPayout[],
): Promise<WriteResult> {
  return bulkUpsert(
    trx,
    payoutSpec,
    accountId,
    items.map((p) => ({
      payout_id: p.payoutId,
      payout_status: p.payoutStatus ?? null,
      payout_date: p.payoutDate,
      amount_value: amount(p.amount),
      amount_currency: currency(p.amount),
      transaction_count: p.transactionCount ?? null,
      raw: p,
    })),
  );
}
