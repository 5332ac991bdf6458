-- Orders lists filtered by fulfillment status and sorted by creation date (the common filter of the orders page),
-- across all accounts and for one account. Without these, Postgres walks the creation-date indexes of 0003/0004
-- and discards the orders in other states: recent orders are mostly not fulfilled yet, so the first page of
-- FULFILLED orders read 741 rows to return 51 at 1,000,000 orders (see docs/operations.md, "npm run bench:api").
-- Keyset pages use the same indexes (the cursor's row comparison is an index condition after the status).
create index ebay_orders_status_created_all on ebay_orders (fulfillment_status, created_at_ebay desc, account_id desc, order_id desc);
create index ebay_orders_status_created on ebay_orders (account_id, fulfillment_status, created_at_ebay desc, order_id desc);
