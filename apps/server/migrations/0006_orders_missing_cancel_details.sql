-- Orders whose getOrder cancellation details are missing (never fetched, or cleared when the order changed). Each
-- orders run ends by reading them (a resumed run finds those it had not fetched before it stopped); without this
-- partial index that read scanned every order of the account (1.1 s at 100,000 orders). It holds only the few
-- orders with a cancellation and no details, so sync writes barely notice it.
create index ebay_orders_missing_cancel_details on ebay_orders (account_id)
  where cancel_details is null and cancel_state is not null and cancel_state <> 'NONE_REQUESTED';
