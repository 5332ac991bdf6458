/** Raw token-endpoint response, as eBay sends it. */
export interface EbayTokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

export interface EbayAccessToken {
  readonly accessToken: string;
  /** Seconds, as returned (7200 for user and application tokens). */
  readonly expiresIn: number;
  /** Computed from the client's clock when the response arrived. */
  readonly expiresAt: Date;
  /** `User Access Token` or `Application Access Token`. */
  readonly tokenType: string;
  readonly raw: EbayTokenResponse;
}

/** Result of the authorization-code exchange: the only time eBay returns a refresh token. */
export interface EbayUserTokens extends EbayAccessToken {
  readonly refreshToken: string;
  readonly refreshTokenExpiresIn: number;
  readonly refreshTokenExpiresAt: Date;
}

/**
 * Result of a refresh. eBay does not rotate refresh tokens; `refreshToken` is only set if a server ever returns
 * one (keep the old one otherwise).
 */
export interface EbayRefreshedToken extends EbayAccessToken {
  readonly refreshToken?: string;
}
