import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountListResponse } from '@ebay-connector/contract';
import { api } from '../api-client';

/**
 * `GET /api/ebay/accounts`, which most pages read (labels for the Account filters and columns, reconnect states):
 * one definition, so every page shares one cache entry and the accounts page's changes refresh them all.
 */
export const accountsQueryKey = ['ebay', 'accounts'] as const;

export function getAccounts(signal?: AbortSignal): Promise<AccountListResponse> {
  return api.get<AccountListResponse>('/api/ebay/accounts', signal ? { signal } : {});
}

export function accountsQueryOptions() {
  return queryOptions({ queryKey: accountsQueryKey, queryFn: ({ signal }) => getAccounts(signal) });
}

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
