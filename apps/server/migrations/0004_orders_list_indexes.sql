-- Orders lists across all accounts sort by (creation date, account, order id) and page by keyset on the same
-- tuple; without this index that is a full scan and sort of the table (1.3 s at 1,000,000 orders; 1.3 ms with
-- it, see docs/operations.md "Benchmarks"). The per-account indexes of 0003 serve lists filtered by account.
create index ebay_orders_created_all on ebay_orders (created_at_ebay desc, account_id desc, order_id desc);
create index ebay_orders_modified_all on ebay_orders (modified_at_ebay desc, account_id desc, order_id desc);
