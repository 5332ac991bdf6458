import type { AccountsTables } from './accounts.tables';
import type { EbayCallsTables } from '../ebay-calls/ebay-calls.tables';

// Lists the accounts and ebay-calls tables in the Kysely `Database` interface (interface merging), so their
// repositories are typed without platform code importing feature code.
declare module '../platform/database' {
  interface Database extends AccountsTables, EbayCallsTables {}
}
