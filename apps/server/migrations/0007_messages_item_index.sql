-- The messages about an item: a purchase's detail (GET /api/purchases/{id}) links the messages of its account
-- about the bought item; without this index that read scanned every message of the account.
create index ebay_messages_item on ebay_messages (account_id, item_id);
