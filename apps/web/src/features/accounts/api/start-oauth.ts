import { useMutation } from '@tanstack/react-query';
import type { OauthStartResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/ebay/oauth/start` with `Accept: application/json`: the eBay consent URL for a new connection. */
export function startOauth(input: { label?: string | undefined } = {}, signal?: AbortSignal): Promise<OauthStartResponse> {
  const label = input.label?.trim();
  return api.get<OauthStartResponse>('/api/ebay/oauth/start', {
    query: { label: label ? label : undefined },
    ...(signal ? { signal } : {}),
  });
}

/** Starts the connect flow and sends the browser to eBay's consent page. */
export function useStartOauth() {
  return useMutation({
    mutationFn: (input: { label?: string | undefined }) => startOauth(input),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}
