import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncResourceName } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export type SyncModeName = 'full' | 'incremental';

/** `POST /api/ebay/sync/{resource}`: 202 with the run id; 409 `sync_already_running` with `details.activeRunId`. */
export function startSync(input: { accountId: string; resource: SyncResourceName; mode: SyncModeName }) {
  return api.post<{ runId: string }>(`/api/ebay/sync/${encodeURIComponent(input.resource)}`, {
    accountId: input.accountId,
    mode: input.mode,
  });
}

export function useStartSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startSync,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sync'] }),
  });
}
