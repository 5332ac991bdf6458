import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountResponse, UpdateAccountRequest } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { accountsQueryKey } from '../../../lib/api/get-accounts';

export function updateAccount(id: string, body: UpdateAccountRequest): Promise<AccountResponse> {
  return api.patch<AccountResponse>(`/api/ebay/accounts/${encodeURIComponent(id)}`, body);
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & UpdateAccountRequest) => updateAccount(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsQueryKey }),
  });
}
