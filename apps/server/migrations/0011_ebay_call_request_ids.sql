-- eBay's own id of each call (the x-ebay-c-request-id or rlogid response header, or Trading's CorrelationID), the id
-- eBay's support asks for; the ledger kept only ours. The ledger's request id search matches ours, the correlation
-- id and eBay's, each through an index (the correlation id had none, so that search read the whole ledger).
alter table ebay_calls add column ebay_request_id text;
create index ebay_calls_ebay_request_idx on ebay_calls (ebay_request_id) where ebay_request_id is not null;
create index ebay_calls_correlation_idx on ebay_calls (correlation_id) where correlation_id is not null;
