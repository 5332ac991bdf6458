import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `GET /api/ebay/accounts`: labels, usernames and the reconnect status of each account. */
export function getAccounts(signal?: AbortSignal): Promise<AccountListResponse> {
  return api.get<AccountListResponse>('/api/ebay/accounts', signal ? { signal } : {});
}

export function accountsQueryOptions() {
  return queryOptions({ queryKey: ['ebay', 'accounts'], queryFn: ({ signal }) => getAccounts(signal) });
}

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
