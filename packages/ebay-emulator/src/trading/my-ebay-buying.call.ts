import type { SellerDataset } from '../data/seller-dataset';
import type { CallResult } from './my-messages.call';
import { childObject, childText } from './trading-xml';
import { purchaseRecord, purchasesBetween } from '../data/purchase-records';
import { centsToString } from '../util/money';
import { DAY } from '../util/time';

const invalid = (field: string, long: string): CallResult => ({
  ok: false,
  errors: [{ code: '37', short: 'Input data is invalid.', long: `Input data for tag <${field}> is invalid or missing. ${long}`, severity: 'Error', parameters: [field] }],
});

/** GetMyeBayBuying: WonList with DurationInDays (0-60, default 60) and Pagination. Other containers are empty. */
export function getMyeBayBuying(ds: SellerDataset, request: Record<string, unknown>, now: number): CallResult {
  const won = childObject(request, 'WonList');
  const anyContainer = ['WonList', 'BidList', 'BestOfferList', 'WatchList', 'LostList', 'BuyingSummary'].some((c) => c in request);
  if (!won && anyContainer) return { ok: true, body: {} };
  const durationRaw = childText(won, 'DurationInDays');
  const duration = durationRaw === undefined ? 60 : Number(durationRaw);
  if (!Number.isInteger(duration) || duration < 0 || duration > 60) return invalid('DurationInDays', 'Valid values are 0 to 60.');
  if (childText(won, 'Include') === 'false') return { ok: true, body: {} };
  const pagination = childObject(won, 'Pagination');
  const perPage = Number(childText(pagination, 'EntriesPerPage') ?? '25');
  const pageNumber = Number(childText(pagination, 'PageNumber') ?? '1');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) return invalid('EntriesPerPage', 'Valid values are 1 to 200.');
  if (!Number.isInteger(pageNumber) || pageNumber < 1) return invalid('PageNumber', 'Must be 1 or greater.');
  const all = purchasesBetween(ds, now - duration * DAY, now);
  const page = all.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const cur = ds.profile.currency;
  const money = (cents: number): Record<string, unknown> => ({ '#text': centsToString(cents), '@_currencyID': cur });
  return {
    ok: true,
    body: {
      WonList: {
        ...(page.length > 0
          ? {
              OrderTransactionArray: {
                OrderTransaction: page.map((k) => {
                  const p = purchaseRecord(ds, k);
                  return {
                    Transaction: {
                      CreatedDate: new Date(p.date).toISOString(),
                      Item: {
                        ItemID: p.itemId,
                        ListingDetails: { EndTime: new Date(p.date).toISOString() },
                        Seller: { UserID: p.sellerUsername },
                        SellingStatus: { CurrentPrice: money(p.priceCents) },
                        Title: p.title,
                        ListingType: 'FixedPriceItem',
                      },
                      QuantityPurchased: String(p.quantity),
                      TransactionID: p.transactionId,
                      TotalPrice: money(p.priceCents * p.quantity),
                      TotalTransactionPrice: money(p.priceCents * p.quantity),
                      OrderLineItemID: `${p.itemId}-${p.transactionId}`,
                    },
                  };
                }),
              },
            }
          : {}),
        PaginationResult: {
          TotalNumberOfPages: String(Math.ceil(all.length / perPage)),
          TotalNumberOfEntries: String(all.length),
        },
      },
    },
  };
}
