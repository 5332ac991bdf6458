import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefreshResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { accountsQueryKey } from '../../../lib/api/get-accounts';

/** `POST /api/ebay/accounts/{id}/refresh`; with `dryRun` nothing changes and the answer explains the decision. */
export function refreshAccount(id: string, dryRun: boolean): Promise<RefreshResponse> {
  return api.post<RefreshResponse>(`/api/ebay/accounts/${encodeURIComponent(id)}/refresh`, undefined, {
    query: dryRun ? { dryRun: true } : {},
  });
}

export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dryRun }: { id: string; dryRun: boolean }) => refreshAccount(id, dryRun),
    onSettled: (_data, _error, { dryRun }) =>
      dryRun ? undefined : queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}
