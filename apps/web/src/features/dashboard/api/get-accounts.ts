import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** The account list, for the Account filter (same key as the accounts page: one cache entry). */
export function getAccounts(signal?: AbortSignal): Promise<AccountListResponse> {
  return api.get<AccountListResponse>('/api/ebay/accounts', signal ? { signal } : {});
}

export function accountsQueryOptions() {
  return queryOptions({ queryKey: ['ebay', 'accounts'] as const, queryFn: ({ signal }) => getAccounts(signal) });
}

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
