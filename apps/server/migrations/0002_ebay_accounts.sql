-- eBay accounts, encrypted tokens, OAuth state, the call ledger, the live event log and deletion audits.

CREATE TABLE ebay_accounts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  environment   text NOT NULL CHECK (environment IN ('emulator', 'sandbox', 'production')),
  ebay_user_id  text NOT NULL,
  username      text NOT NULL,
  label         text NOT NULL,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reauth_required', 'revoked')),
  connected_by  uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (environment, ebay_user_id)
);

-- One row per account; dropped on disconnect. Token columns hold AES-256-GCM ciphertext only.
CREATE TABLE ebay_tokens (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id                uuid NOT NULL UNIQUE REFERENCES ebay_accounts (id) ON DELETE CASCADE,
  key_id                    text NOT NULL,
  access_token_enc          text NOT NULL,
  refresh_token_enc         text,
  expires_at                timestamptz NOT NULL,
  refresh_expires_at        timestamptz,
  scopes                    text[] NOT NULL DEFAULT '{}',
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  last_refreshed_at         timestamptz,
  last_refresh_error        text,
  refresh_warning_sent_at   timestamptz
);

CREATE TABLE ebay_oauth_states (
  state_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL,
  environment  text NOT NULL,
  label        text,
  return_to    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX ebay_oauth_states_expires_at_idx ON ebay_oauth_states (expires_at);

-- The call ledger: one row per HTTP attempt to eBay.
CREATE TABLE ebay_calls (
  id              bigserial PRIMARY KEY,
  created_at      timestamptz NOT NULL DEFAULT now(),
  account_id      uuid REFERENCES ebay_accounts (id) ON DELETE SET NULL,
  run_id          uuid,
  request_id      text,
  correlation_id  text,
  api             text NOT NULL,
  operation       text NOT NULL,
  method          text NOT NULL,
  url             text NOT NULL,
  status          integer,
  duration_ms     integer NOT NULL,
  attempt         integer NOT NULL DEFAULT 1,
  ebay_error_id   integer,
  error_kind      text,
  request_body    text,
  response_body   text
);
CREATE INDEX ebay_calls_created_at_idx ON ebay_calls (created_at);
CREATE INDEX ebay_calls_account_idx ON ebay_calls (account_id, id DESC);
CREATE INDEX ebay_calls_request_idx ON ebay_calls (request_id);
CREATE INDEX ebay_calls_run_idx ON ebay_calls (run_id, id DESC) WHERE run_id IS NOT NULL;

-- The live event stream, persisted briefly so clients can resume with Last-Event-ID.
CREATE TABLE ebay_events (
  id          bigserial PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now(),
  type        text NOT NULL,
  account_id  uuid,
  run_id      uuid,
  data        jsonb NOT NULL
);
CREATE INDEX ebay_events_created_at_idx ON ebay_events (created_at);

-- Marketplace account deletion notifications: one row per notificationId (idempotency + audit).
CREATE TABLE ebay_deletion_audits (
  notification_id  text PRIMARY KEY,
  ebay_user_id     text NOT NULL,
  username_hash    text NOT NULL,
  event_date       timestamptz,
  received_at      timestamptz NOT NULL DEFAULT now(),
  anonymised       jsonb NOT NULL DEFAULT '[]'
);
