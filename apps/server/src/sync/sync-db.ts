import type { Kysely } from 'kysely';
import type { AccountsTables } from '../accounts/accounts.tables';
import type { SyncTables } from './sync.tables';

/**
 * The tables the sync engine and the data APIs touch. `ebay_tokens` is read for the granted scopes only (which
 * API a resource is read through); tokens themselves come from the token store.
 */
export type SyncDatabase = SyncTables & Pick<AccountsTables, 'ebay_accounts' | 'ebay_tokens'>;
export type SyncDb = Kysely<SyncDatabase>;
