import type { ColumnType, Generated } from 'kysely';
import type { AccountStatus, EbayEnvironment } from '@ebay-connector/contract';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface EbayAccountsTable {
  id: Generated<string>;
  environment: EbayEnvironment;
  ebay_user_id: string;
  username: string;
  label: string;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  connected_by: string | null;
  /** Set by a purge; calls and events of a purged account are not recorded. Cleared when it connects again. */
  purged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EbayTokensTable {
  id: Generated<string>;
  account_id: string;
  key_id: string;
  access_token_enc: string;
  refresh_token_enc: string | null;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  refresh_expires_at: NullableTime;
  scopes: string[];
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  last_refreshed_at: NullableTime;
  last_refresh_error: string | null;
  refresh_warning_sent_at: NullableTime;
}

export interface EbayOauthStatesTable {
  state_hash: string;
  user_id: string;
  environment: EbayEnvironment;
  label: string | null;
  return_to: string | null;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTime;
}

export interface EbayDeletionAuditsTable {
  notification_id: string;
  ebay_user_id: string;
  username_hash: string;
  event_date: NullableTime;
  received_at: CreatedAt;
  anonymised: ColumnType<AnonymisedEntry[], string, string>;
}

export interface AnonymisedEntry {
  name: string;
  rows: number;
}

/** Tables of the `accounts` feature (listed in platform `Database`). */
export interface AccountsTables {
  ebay_accounts: EbayAccountsTable;
  ebay_tokens: EbayTokensTable;
  ebay_oauth_states: EbayOauthStatesTable;
  ebay_deletion_audits: EbayDeletionAuditsTable;
}
