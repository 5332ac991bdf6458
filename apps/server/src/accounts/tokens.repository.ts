import { sql } from 'kysely';
import type { Db } from '../platform/database';
import type { TokenRow } from './accounts.repository';

export interface SealedTokens {
  keyId: string;
  accessTokenEnc: string;
  refreshTokenEnc: string | null;
  expiresAt: Date;
  refreshExpiresAt: Date | null;
  scopes: string[];
}

/** Stores the tokens of a fresh consent (replacing any previous ones of the account). */
export async function upsertTokens(db: Db, accountId: string, t: SealedTokens): Promise<TokenRow> {
  const now = new Date();
  return db
    .insertInto('ebay_tokens')
    .values({
      account_id: accountId,
      key_id: t.keyId,
      access_token_enc: t.accessTokenEnc,
      refresh_token_enc: t.refreshTokenEnc,
      expires_at: t.expiresAt,
      refresh_expires_at: t.refreshExpiresAt,
      scopes: t.scopes,
    })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        key_id: t.keyId,
        access_token_enc: t.accessTokenEnc,
        refresh_token_enc: t.refreshTokenEnc,
        expires_at: t.expiresAt,
        refresh_expires_at: t.refreshExpiresAt,
        scopes: t.scopes,
        updated_at: now,
        last_refresh_error: null,
        refresh_warning_sent_at: null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findTokens(db: Db, accountId: string): Promise<TokenRow | undefined> {
  return db.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Locks the account's token row until the transaction ends (cross-process single-flight for refresh). */
export async function lockTokens(trx: Db, accountId: string): Promise<TokenRow | undefined> {
  return trx.selectFrom('ebay_tokens').selectAll().where('account_id', '=', accountId).forUpdate().executeTakeFirst();
}

export async function saveRefreshedAccessToken(
  db: Db,
  accountId: string,
  t: { keyId: string; accessTokenEnc: string; refreshTokenEnc: string | null; expiresAt: Date },
): Promise<TokenRow> {
  const now = new Date();
  return db
    .updateTable('ebay_tokens')
    .set({
      key_id: t.keyId,
      access_token_enc: t.accessTokenEnc,
      refresh_token_enc: t.refreshTokenEnc,
      expires_at: t.expiresAt,
      updated_at: now,
      last_refreshed_at: now,
      last_refresh_error: null,
    })
    .where('account_id', '=', accountId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records a failed refresh without touching the stored tokens. */
export async function recordRefreshError(db: Db, accountId: string, error: string): Promise<void> {
  await db
    .updateTable('ebay_tokens')
    .set({ last_refresh_error: error.slice(0, 500), updated_at: new Date() })
    .where('account_id', '=', accountId)
    .execute();
}

/** Sets `refresh_warning_sent_at` once; true when this call set it (so the warning event is sent once). */
export async function claimRefreshWarning(db: Db, accountId: string): Promise<boolean> {
  const result = await db
    .updateTable('ebay_tokens')
    .set({ refresh_warning_sent_at: new Date() })
    .where('account_id', '=', accountId)
    .where('refresh_warning_sent_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteTokens(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('ebay_tokens').where('account_id', '=', accountId).execute();
}

export interface TokenInfoRecord {
  id: string;
  account_id: string;
  username: string;
  label: string;
  environment: string;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  scopes: string[];
  has_refresh_token: boolean;
}

/** Latest token records for the audit table; selects no ciphertext at all. */
export async function latestTokenInfo(db: Db, environment: string | null, limit: number): Promise<TokenInfoRecord[]> {
  let q = db
    .selectFrom('ebay_tokens as t')
    .innerJoin('ebay_accounts as a', 'a.id', 't.account_id')
    .select([
      't.id',
      't.account_id',
      'a.username',
      'a.label',
      'a.environment',
      't.created_at',
      't.updated_at',
      't.expires_at',
      't.scopes',
      sql<boolean>`t.refresh_token_enc IS NOT NULL`.as('has_refresh_token'),
    ]);
  if (environment) q = q.where('a.environment', '=', environment as never);
  return q.orderBy('t.updated_at', 'desc').limit(limit).execute();
}
