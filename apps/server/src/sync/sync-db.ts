import type { Kysely } from 'kysely';
import type { AccountsTables } from '../accounts/accounts.tables';
import type { SyncTables } from './sync.tables';

/** The tables the sync engine and the data APIs touch. */
export type SyncDatabase = SyncTables & Pick<AccountsTables, 'ebay_accounts'>;
export type SyncDb = Kysely<SyncDatabase>;
