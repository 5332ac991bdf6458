-- When the account's data was last purged (disconnect with purge). eBay calls and events of an account that is
-- purged are not recorded: a call still in flight when the purge commits would otherwise leave its ledger row and
-- response body behind. Connecting the account again clears it.
alter table ebay_accounts add column purged_at timestamptz;
