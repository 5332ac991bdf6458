import { useMutation } from '@tanstack/react-query';
import type { OauthStartResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export interface StartOauthInput {
  label?: string | undefined;
  /** Same-origin path the callback sends the browser back to, with `connected=<id>` or `error=` added. */
  returnTo?: string | undefined;
}

/** `GET /api/ebay/oauth/start` with `Accept: application/json`: the eBay consent URL for a new connection. */
export function startOauth(input: StartOauthInput = {}, signal?: AbortSignal): Promise<OauthStartResponse> {
  const label = input.label?.trim();
  return api.get<OauthStartResponse>('/api/ebay/oauth/start', {
    query: { label: label ? label : undefined, returnTo: input.returnTo },
    ...(signal ? { signal } : {}),
  });
}

/**
 * Where a reconnect of `accountId` comes back to: eBay lets the person sign in as any seller, so the page compares
 * the account that got connected with the one meant.
 */
export const reconnectReturnTo = (accountId: string) => `/accounts?reconnecting=${encodeURIComponent(accountId)}`;

/** Starts the connect flow and sends the browser to eBay's consent page. */
export function useStartOauth() {
  return useMutation({
    mutationFn: (input: StartOauthInput) => startOauth(input),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}
