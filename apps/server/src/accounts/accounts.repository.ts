import { sql, type Selectable } from 'kysely';
import type { AccountStatus, EbayEnvironment } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EbayAccountsTable, EbayTokensTable } from './accounts.tables';

export type AccountRow = Selectable<EbayAccountsTable>;
export type TokenRow = Selectable<EbayTokensTable>;
export interface AccountWithToken {
  account: AccountRow;
  token: TokenRow | null;
}

/** Inserts the account or, when (environment, eBay user id) is already known, updates it (reconnect). */
export async function upsertAccount(
  db: Db,
  input: {
    environment: EbayEnvironment;
    ebayUserId: string;
    username: string;
    label: string;
    keepLabel: boolean;
    connectedBy: string | null;
  },
): Promise<{ account: AccountRow; created: boolean }> {
  const row = await db
    .insertInto('ebay_accounts')
    .values({
      environment: input.environment,
      ebay_user_id: input.ebayUserId,
      username: input.username,
      label: input.label,
      connected_by: input.connectedBy,
      status: 'active',
    })
    .onConflict((oc) =>
      oc.columns(['environment', 'ebay_user_id']).doUpdateSet((eb) => ({
        username: eb.ref('excluded.username'),
        label: input.keepLabel ? eb.ref('ebay_accounts.label') : eb.ref('excluded.label'),
        status: 'active',
        connected_by: eb.ref('excluded.connected_by'),
        purged_at: null,
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  const { inserted, ...account } = row;
  return { account, created: inserted };
}

export async function listAccountsWithTokens(db: Db): Promise<AccountWithToken[]> {
  const accounts = await db.selectFrom('ebay_accounts').selectAll().orderBy('created_at').orderBy('id').execute();
  const tokens = await db.selectFrom('ebay_tokens').selectAll().execute();
  const byAccount = new Map(tokens.map((t) => [t.account_id, t]));
  return accounts.map((account) => ({ account, token: byAccount.get(account.id) ?? null }));
}

export async function findAccountWithToken(db: Db, id: string): Promise<AccountWithToken | undefined> {
  const account = await db.selectFrom('ebay_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!account) return undefined;
  const token = await db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', id).executeTakeFirst();
  return { account, token: token ?? null };
}

export async function updateAccountLabel(db: Db, id: string, label: string): Promise<AccountRow | undefined> {
  return db
    .updateTable('ebay_accounts')
    .set({ label, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Sets the account's status (locking its row until the transaction ends); `purged` also marks it purged, which
 * stops the recording of its eBay calls and events (see `insertLedgerRows`).
 */
export async function setAccountStatus(
  db: Db,
  id: string,
  status: AccountStatus,
  options: { purged?: boolean } = {},
): Promise<AccountRow | undefined> {
  return db
    .updateTable('ebay_accounts')
    .set({ status, updated_at: new Date(), ...(options.purged === true ? { purged_at: sql<Date>`now()` } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findAccountsByEbayUser(db: Db, ebayUserId: string): Promise<AccountRow[]> {
  return db.selectFrom('ebay_accounts').selectAll().where('ebay_user_id', '=', ebayUserId).execute();
}
