import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DisconnectResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { accountsQueryKey } from '../../../lib/api/get-accounts';

/** `DELETE /api/ebay/accounts/{id}`: drops the tokens; with `purge` the synced data is deleted too. */
export function disconnectAccount(id: string, purge: boolean): Promise<DisconnectResponse> {
  return api.delete<DisconnectResponse>(`/api/ebay/accounts/${encodeURIComponent(id)}`, {
    query: purge ? { purge: true } : {},
  });
}

export function useDisconnectAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, purge }: { id: string; purge: boolean }) => disconnectAccount(id, purge),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}
