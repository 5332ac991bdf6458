-- Purchases are listed newest bought first: by eBay's CreatedDate of the purchase, or, for one eBay sent without
-- it, by when the sync first saw it (never null, never moved by a later sync, so keyset pages stay exact).
alter table ebay_purchases
  add column listed_at timestamptz generated always as (coalesce(purchased_at, first_seen_at)) stored not null;
drop index ebay_purchases_date;
create index ebay_purchases_listed on ebay_purchases (account_id, listed_at desc, purchase_id desc);
