import { z } from 'zod';

export const ebayEnvironments = ['emulator', 'sandbox', 'production'] as const;
export const ebayEnvironmentSchema = z.enum(ebayEnvironments);
export type EbayEnvironment = z.infer<typeof ebayEnvironmentSchema>;

export const accountStatuses = ['active', 'reauth_required', 'revoked'] as const;
export const accountStatusSchema = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** An eBay seller account and the facts about its stored tokens (never the tokens themselves). */
export const ebayAccountSchema = z.object({
  id: z.string(),
  environment: ebayEnvironmentSchema,
  ebayUserId: z.string(),
  username: z.string(),
  label: z.string(),
  status: accountStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  token: z
    .object({
      expiresAt: z.string(),
      refreshExpiresAt: z.string().nullable(),
      scopes: z.array(z.string()),
      hasRefreshToken: z.boolean(),
      createdAt: z.string(),
      updatedAt: z.string(),
      lastRefreshedAt: z.string().nullable(),
      lastRefreshError: z.string().nullable(),
    })
    .nullable(),
  /** When its synced data was deleted (a disconnect with purge); null otherwise, and again once reconnected. */
  purgedAt: z.string().nullable(),
  /** Set from 30 days before the refresh token expires: the seller must reconnect before then. */
  refreshExpiryWarning: z.object({ refreshExpiresAt: z.string(), daysLeft: z.number().int() }).nullable(),
});
export type EbayAccount = z.infer<typeof ebayAccountSchema>;

export const accountListResponseSchema = z.object({
  accounts: z.array(ebayAccountSchema),
  /** The eBay environment this server connects new accounts in (its `EBAY_ENV`). */
  environment: ebayEnvironmentSchema,
  /** In demo mode, the new orders a day each emulated seller makes (`EMULATOR_LIVE_ORDERS_PER_DAY`); else null. */
  demoLiveOrdersPerDay: z.number().nonnegative().nullable(),
});
export type AccountListResponse = z.infer<typeof accountListResponseSchema>;

export const accountResponseSchema = z.object({ account: ebayAccountSchema });
export type AccountResponse = z.infer<typeof accountResponseSchema>;

export const updateAccountRequestSchema = z.object({ label: z.string().trim().min(1).max(100) });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

export const oauthStartResponseSchema = z.object({ authorizeUrl: z.string() });
export type OauthStartResponse = z.infer<typeof oauthStartResponseSchema>;

export const refreshResponseSchema = z.object({
  dryRun: z.boolean(),
  refreshed: z.boolean(),
  wouldRefresh: z.boolean(),
  reason: z.string(),
  expiresAt: z.string().nullable(),
  refreshExpiresAt: z.string().nullable(),
  scopes: z.array(z.string()),
  status: accountStatusSchema,
});
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;

export const disconnectResponseSchema = z.object({
  account: ebayAccountSchema,
  purged: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export type DisconnectResponse = z.infer<typeof disconnectResponseSchema>;

/** One line of the TokenInfo audit (`/api/admin/debug/tokeninfo/latest`, `npm run token-info`). */
export const tokenInfoRowSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  account: z.string(),
  environment: ebayEnvironmentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  scopes: z.array(z.string()),
  hasRefreshToken: z.boolean(),
});
export type TokenInfoRow = z.infer<typeof tokenInfoRowSchema>;
export const tokenInfoResponseSchema = z.object({ tokens: z.array(tokenInfoRowSchema) });
export type TokenInfoResponse = z.infer<typeof tokenInfoResponseSchema>;
