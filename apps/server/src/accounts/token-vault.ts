import type { TokenCipher } from './token-crypto';
import { keyIdOf } from './token-crypto';
import type { TokenRow } from './accounts.repository';
import type { SealedTokens } from './tokens.repository';

/** Seals and opens an account's tokens; the associated data ties each ciphertext to its account and field. */
export interface TokenVault {
  seal(
    accountId: string,
    t: { accessToken: string; refreshToken: string | null; expiresAt: Date; refreshExpiresAt: Date | null; scopes: string[] },
  ): SealedTokens;
  sealAccess(accountId: string, accessToken: string): string;
  sealRefresh(accountId: string, refreshToken: string): string;
  openAccess(row: TokenRow): string;
  openRefresh(row: TokenRow): string | null;
  /** True when the row was written under an older APP_SECRET and should be re-encrypted on the next write. */
  isStale(row: TokenRow): boolean;
  readonly keyId: string;
}

export function createTokenVault(cipher: TokenCipher): TokenVault {
  const ctx = (accountId: string, field: 'access' | 'refresh') => `ebay_tokens:${accountId}:${field}`;
  return {
    keyId: cipher.currentKeyId,
    seal(accountId, t) {
      return {
        keyId: cipher.currentKeyId,
        accessTokenEnc: cipher.encrypt(t.accessToken, ctx(accountId, 'access')),
        refreshTokenEnc: t.refreshToken === null ? null : cipher.encrypt(t.refreshToken, ctx(accountId, 'refresh')),
        expiresAt: t.expiresAt,
        refreshExpiresAt: t.refreshExpiresAt,
        scopes: t.scopes,
      };
    },
    sealAccess: (accountId, token) => cipher.encrypt(token, ctx(accountId, 'access')),
    sealRefresh: (accountId, token) => cipher.encrypt(token, ctx(accountId, 'refresh')),
    openAccess: (row) => cipher.decrypt(row.access_token_enc, ctx(row.account_id, 'access')),
    openRefresh: (row) =>
      row.refresh_token_enc === null ? null : cipher.decrypt(row.refresh_token_enc, ctx(row.account_id, 'refresh')),
    isStale: (row) =>
      keyIdOf(row.access_token_enc) !== cipher.currentKeyId ||
      (row.refresh_token_enc !== null && keyIdOf(row.refresh_token_enc) !== cipher.currentKeyId),
  };
}
