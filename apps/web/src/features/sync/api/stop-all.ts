import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StopSyncAllResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `POST /api/ebay/sync/all/stop`: stops every queued or running run of the account; answers with those runs. */
export function stopAll(accountId: string) {
  return api.post<StopSyncAllResponse>('/api/ebay/sync/all/stop', { accountId });
}

export function useStopAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopAll,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sync'] }),
  });
}
